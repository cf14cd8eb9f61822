using System.Text.Json;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.EdgeOne;

/// <summary>
/// The EdgeOne Pages KV API (<c>put/get/delete/list</c> with string keys) over a Deno-style <see cref="IKvStore"/>.
/// A string key <c>k</c> is the one-part tuple key <c>["k"]</c>, so a record is the same through both APIs. Keys are
/// 1..512 UTF-8 bytes; values up to <see cref="KvLimits.MaxValueBytes"/>. Errors are <see cref="KvException"/>s. The key
/// rules, the metadata companion and the listing are <see cref="StringKeyModel"/>'s, shared with every other layer.
/// </summary>
public sealed partial class EdgeOneKv
{
    private readonly IKvStore _store;

    /// <summary>Serves the EdgeOne API from <paramref name="store"/>.</summary>
    public EdgeOneKv(IKvStore store) => _store = store;

    /// <summary>The tuple key a string key is stored under.</summary>
    public static KvKey ToTupleKey(string key) => StringKeyModel.ToTupleKey(key);

    /// <summary>Writes text (stored as UTF-8 text).</summary>
    public Task PutAsync(string key, string value, CancellationToken cancellationToken = default) =>
        WriteAsync(StringKeyModel.Put(key, KvValue.Text(value)), cancellationToken);

    /// <summary>Writes bytes (EdgeOne's ArrayBuffer/ArrayBufferView).</summary>
    public Task PutAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        WriteAsync(StringKeyModel.Put(key, KvValue.Bytes(value)), cancellationToken);

    /// <summary>Writes a stream's bytes; refuses one longer than the value limit before writing anything.</summary>
    public async Task PutAsync(string key, Stream value, CancellationToken cancellationToken = default)
    {
        ToTupleKey(key);
        var bytes = await ReadBoundedAsync(value, cancellationToken).ConfigureAwait(false);
        await WriteAsync(StringKeyModel.Put(key, KvValue.Bytes(bytes)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a value as <paramref name="type"/>: <see cref="string"/>, <see cref="JsonElement"/>, <c>byte[]</c> or
    /// <see cref="Stream"/>. Null when the key is missing or its value is empty (EdgeOne's rule).
    /// </summary>
    public async Task<object?> GetAsync(string key, EdgeOneValueType type = EdgeOneValueType.Text, CancellationToken cancellationToken = default)
    {
        var entry = await _store.GetAsync(ToTupleKey(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (entry.Value is not { } value || value.Data.IsEmpty)
        {
            return null;
        }

        return type switch
        {
            EdgeOneValueType.Text => ReadText(value),
            EdgeOneValueType.Json => ParseJson(ReadText(value)),
            EdgeOneValueType.ArrayBuffer => value.Data.ToArray(),
            EdgeOneValueType.Stream => new MemoryStream(value.Data.ToArray(), writable: false),
            _ => throw new KvException(KvErrorCode.EdgeOneGetType),
        };
    }

    /// <summary>Reads a value with EdgeOne's type name: <c>text</c>, <c>json</c>, <c>arrayBuffer</c> or <c>stream</c>.</summary>
    public Task<object?> GetAsync(string key, string type, CancellationToken cancellationToken = default) =>
        GetAsync(key, ParseType(type), cancellationToken);

    /// <summary>Deletes a key and its metadata (a no-op when it is missing).</summary>
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        WriteAsync(StringKeyModel.Delete(key), cancellationToken);

    /// <summary>Parses EdgeOne's type names (case as EdgeOne writes them).</summary>
    public static EdgeOneValueType ParseType(string? type) => type switch
    {
        null or "text" => EdgeOneValueType.Text,
        "json" => EdgeOneValueType.Json,
        "arrayBuffer" => EdgeOneValueType.ArrayBuffer,
        "stream" => EdgeOneValueType.Stream,
        _ => throw new KvException(KvErrorCode.EdgeOneGetType),
    };

    // A value and its metadata companion change in one commit (StringKeyModel); there are no checks to fail.
    private Task WriteAsync(KvMutation[] mutations, CancellationToken cancellationToken) =>
        _store.CommitAsync(new KvAtomicWrite([], mutations), cancellationToken);

    // KvU64 values (written by Deno clients' sum/min/max) read as their decimal number; everything else as UTF-8.
    private static string ReadText(KvValue value) =>
        value.Encoding == KvValueEncoding.U64 ? value.AsU64().ToString(System.Globalization.CultureInfo.InvariantCulture) : value.AsText();

    private static JsonElement ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new KvException(KvErrorCode.EdgeOneNotJson);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > KvLimits.MaxValueBytes)
            {
                throw new KvException(KvErrorCode.ValueTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
