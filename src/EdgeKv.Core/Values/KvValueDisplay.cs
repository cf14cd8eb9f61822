using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeKv.Core.Values.V8;

namespace EdgeKv.Core.Values;

/// <summary>
/// Renders any stored value for people (the console, logs): text as text, JSON pretty-printed, KvU64 as Deno shows
/// it, V8-serialized values from Deno clients decoded to a JavaScript-literal line where possible, and bytes as hex.
/// Display only: the stored bytes are never changed.
/// </summary>
public static class KvValueDisplay
{
    /// <summary>A one-line preview of at most <paramref name="maxLength"/> characters.</summary>
    public static string Preview(KvValue value, int maxLength = 120)
    {
        var text = value.Encoding == KvValueEncoding.Json ? CompactJson(value) : Format(value);
        text = text.ReplaceLineEndings(" ");
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
    }

    /// <summary>The whole value as people read it.</summary>
    public static string Format(KvValue value) => value.Encoding switch
    {
        KvValueEncoding.Text => value.AsText(),
        KvValueEncoding.Json => PrettyJson(value),
        KvValueEncoding.U64 => $"[Deno.KvU64: {value.AsU64().ToString(CultureInfo.InvariantCulture)}n]",
        KvValueEncoding.V8 => V8Reader.TryRead(value.Data.Span, out var decoded) ? V8Formatter.Format(decoded) : Hex(value.Data.Span),
        _ => Hex(value.Data.Span),
    };

    /// <summary>The bytes as lowercase hex pairs separated by spaces (the console's hex view).</summary>
    public static string Hex(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>
    /// JSON bytes re-written indented (non-ASCII text kept as written rather than escaped) or compact;
    /// null when the bytes are not JSON.
    /// </summary>
    public static string? TryFormatJson(ReadOnlyMemory<byte> json, bool indented = true)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, indented ? PrettyOptions : CompactOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string PrettyJson(KvValue value) => TryFormatJson(value.Data) ?? value.AsText();

    private static string CompactJson(KvValue value) => TryFormatJson(value.Data, indented: false) ?? value.AsText();

    // Both keep non-ASCII text as it is ("中", not "\u4E2D"): these strings are for people, not for embedding in HTML.
    private static readonly JsonSerializerOptions PrettyOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions CompactOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
