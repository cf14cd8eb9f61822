using System.Text;
using EdgeKv.Core.Values;
using EdgeKv.Web.Hosting;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>
/// How a stored value reads for people, whatever its encoding: a one-line preview for the list, the full text,
/// pretty-printed JSON when the bytes are JSON, and a hex dump. No Blazor types, so it is tested on its own.
/// </summary>
public sealed class RecordValueView
{
    /// <summary>Characters of a list preview (the cell cuts it to its width; its tooltip shows all of it).</summary>
    public const int PreviewLength = 200;

    /// <summary>Bytes shown in a hex dump; the rest is summarized, so a 25 MB value cannot freeze the page.</summary>
    public const int MaxHexBytes = 64 * 1024;

    /// <summary>Largest V8 value (written by Deno clients) decoded for display; a larger one shows as hex.</summary>
    public const int MaxDecodedV8Bytes = 256 * 1024;

    private const int HexBytesPerLine = 16;

    private readonly KvValue _value;

    public RecordValueView(KvValue value) => _value = value;

    /// <summary>True when the value is text (EdgeOne text or JSON), so the console can edit it.</summary>
    public bool IsEditableText => _value.Encoding is KvValueEncoding.Text or KvValueEncoding.Json;

    /// <summary>
    /// True when the value is text small enough to edit in the console's text box (<see cref="CircuitLimits.MaxTypedValueBytes"/>:
    /// an edited value travels back over the circuit); larger ones are replaced by uploading a file.
    /// </summary>
    public bool FitsTheEditor => IsEditableText && _value.Data.Length <= CircuitLimits.MaxTypedValueBytes;

    /// <summary>The resource key of the value's kind as people read it (文本, JSON, 二进制, KvU64, V8), never the enum's name.</summary>
    public string KindKey => KindKeyOf(_value.Encoding);

    /// <summary>
    /// The whole value as text: UTF-8 for text and JSON, the number for a KvU64, the JavaScript value a Deno client
    /// stored (V8-serialized) as Deno prints it, null for raw bytes.
    /// </summary>
    public string? Text => _value.Encoding switch
    {
        KvValueEncoding.Text or KvValueEncoding.Json => _value.AsText(),
        KvValueEncoding.U64 => _value.AsU64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        KvValueEncoding.V8 when _value.Data.Length <= MaxDecodedV8Bytes => KvValueDisplay.Format(_value),
        _ => null,
    };

    /// <summary>The value as indented JSON when it parses as JSON; otherwise null.</summary>
    public string? PrettyJson => IsEditableText ? KvValueDisplay.TryFormatJson(_value.Data) : null;

    /// <summary>One line for the record list: the start of the text, or of the hex for binary values.</summary>
    public string Preview
    {
        get
        {
            // Only the start is decoded: a preview of a 25 MB value must not decode 25 MB.
            var head = _value.Data.Span[..Math.Min(_value.Data.Length, PreviewLength * 4)];
            var text = _value.Encoding switch
            {
                KvValueEncoding.Text or KvValueEncoding.Json => CollapseWhitespace(Encoding.UTF8.GetString(head)),
                KvValueEncoding.U64 => Text!,
                KvValueEncoding.V8 when _value.Data.Length <= MaxDecodedV8Bytes => CollapseWhitespace(Text!),
                _ => Convert.ToHexStringLower(head[..Math.Min(head.Length, PreviewLength / 2)]),
            };
            return text.Length > PreviewLength ? text[..PreviewLength] + "…" : text;
        }
    }

    /// <summary>Offset, hex bytes and printable ASCII, 16 bytes a line, for the first <see cref="MaxHexBytes"/> bytes.</summary>
    public string HexDump
    {
        get
        {
            var span = _value.Data.Span;
            var shown = Math.Min(span.Length, MaxHexBytes);
            var dump = new StringBuilder();
            for (var offset = 0; offset < shown; offset += HexBytesPerLine)
            {
                var line = span.Slice(offset, Math.Min(HexBytesPerLine, shown - offset));
                dump.Append(offset.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append("  ");
                foreach (var b in line)
                {
                    dump.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
                }

                dump.Append(' ', (HexBytesPerLine - line.Length) * 3).Append(' ');
                foreach (var b in line)
                {
                    dump.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
                }

                dump.Append('\n');
            }

            if (span.Length > shown)
            {
                dump.Append("… ").Append(span.Length - shown).Append(" more bytes\n");
            }

            return dump.ToString();
        }
    }

    /// <summary>The resource key naming <paramref name="encoding"/> for people.</summary>
    public static string KindKeyOf(KvValueEncoding encoding) => encoding switch
    {
        KvValueEncoding.Text => "Records.Kind.Text",
        KvValueEncoding.Json => "Records.Kind.Json",
        KvValueEncoding.U64 => "Records.Kind.U64",
        KvValueEncoding.V8 => "Records.Kind.V8",
        _ => "Records.Kind.Bytes",
    };

    private static string CollapseWhitespace(string text) =>
        string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
