using System.Buffers.Binary;

namespace EdgeKv.Core.Values;

/// <summary>
/// A stored value: its bytes and how to read them (<see cref="KvValueEncoding"/>). Immutable; the bytes are never
/// copied on the way in or out, so do not change an array after handing it over.
/// </summary>
public sealed class KvValue
{
    private KvValue(KvValueEncoding encoding, ReadOnlyMemory<byte> data)
    {
        Encoding = encoding;
        Data = data;
    }

    /// <summary>How <see cref="Data"/> is to be read.</summary>
    public KvValueEncoding Encoding { get; }

    /// <summary>The stored bytes.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Opaque bytes.</summary>
    public static KvValue Bytes(ReadOnlyMemory<byte> data) => new(KvValueEncoding.Bytes, data);

    /// <summary>UTF-8 text.</summary>
    public static KvValue Text(string text) => new(KvValueEncoding.Text, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>JSON text, stored as written (validation is the caller's: the console and the HTTP API check it).</summary>
    public static KvValue Json(string json) => new(KvValueEncoding.Json, System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>A KvU64.</summary>
    public static KvValue U64(ulong value)
    {
        var data = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(data, value);
        return new(KvValueEncoding.U64, data);
    }

    /// <summary>V8-serialized bytes from a Deno client.</summary>
    public static KvValue V8(ReadOnlyMemory<byte> serialized) => new(KvValueEncoding.V8, serialized);

    /// <summary>A value with the given encoding, as read back from storage or the wire.</summary>
    public static KvValue FromStorage(KvValueEncoding encoding, ReadOnlyMemory<byte> data) => new(encoding, data);

    /// <summary>The KvU64 this value holds.</summary>
    /// <exception cref="InvalidOperationException">Not a KvU64.</exception>
    public ulong AsU64() => Encoding == KvValueEncoding.U64 && Data.Length == 8
        ? BinaryPrimitives.ReadUInt64LittleEndian(Data.Span)
        : throw new InvalidOperationException("The value is not a KvU64.");

    /// <summary>The bytes read as UTF-8 (any encoding; for V8 and raw bytes this is lossy).</summary>
    public string AsText() => System.Text.Encoding.UTF8.GetString(Data.Span);

    /// <summary>Same encoding and same bytes.</summary>
    public bool ContentEquals(KvValue other) => Encoding == other.Encoding && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override string ToString() => $"{Encoding}({Data.Length} bytes)";
}
