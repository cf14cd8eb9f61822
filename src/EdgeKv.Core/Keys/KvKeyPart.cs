using System.Numerics;

namespace EdgeKv.Core.Keys;

/// <summary>
/// One part of a <see cref="KvKey"/>: bytes, a string, a big integer, a number (double) or a boolean.
/// Immutable. Equality and order are those of the part's tuple-layer encoding, so they match Deno KV.
/// </summary>
public sealed class KvKeyPart : IEquatable<KvKeyPart>
{
    // JavaScript's NaN: positive, quiet, no payload.
    private static readonly double JavaScriptNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    private readonly object _value;

    private KvKeyPart(KvKeyPartKind kind, object value)
    {
        Kind = kind;
        _value = value;
    }

    /// <summary>Which kind of part this is.</summary>
    public KvKeyPartKind Kind { get; }

    /// <summary>The part's value: <c>byte[]</c>, <see cref="string"/>, <see cref="BigInteger"/>, <see cref="double"/> or <see cref="bool"/>.</summary>
    public object Value => Kind == KvKeyPartKind.Bytes ? ((byte[])_value).Clone() : _value;

    /// <summary>A byte-array part (copied).</summary>
    public static KvKeyPart FromBytes(ReadOnlySpan<byte> bytes) => new(KvKeyPartKind.Bytes, bytes.ToArray());

    /// <summary>A string part.</summary>
    public static KvKeyPart FromString(string value) => new(KvKeyPartKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A big-integer part (Deno's <c>bigint</c>).</summary>
    public static KvKeyPart FromBigInt(BigInteger value) => new(KvKeyPartKind.BigInt, value);

    /// <summary>
    /// A number part (Deno's <c>number</c>). Every NaN, whatever its sign and payload, becomes JavaScript's NaN
    /// (0x7FF8000000000000, encoded <c>21 FF F8 00 00 00 00 00 00</c>), so all NaNs are one key: the key a Deno
    /// client writes for <c>NaN</c>, sorted after <c>Infinity</c>.
    /// </summary>
    public static KvKeyPart FromNumber(double value) => new(KvKeyPartKind.Number, CanonicalizeNaN(value));

    /// <summary>A boolean part.</summary>
    public static KvKeyPart FromBoolean(bool value) => new(KvKeyPartKind.Boolean, value);

    /// <summary>A string part.</summary>
    public static implicit operator KvKeyPart(string value) => FromString(value);

    /// <summary>A big-integer part.</summary>
    public static implicit operator KvKeyPart(BigInteger value) => FromBigInt(value);

    /// <summary>A number part.</summary>
    public static implicit operator KvKeyPart(double value) => FromNumber(value);

    /// <summary>A boolean part.</summary>
    public static implicit operator KvKeyPart(bool value) => FromBoolean(value);

    /// <summary>A byte-array part.</summary>
    public static implicit operator KvKeyPart(byte[] value) => FromBytes(value);

    // .NET's double.NaN has the sign bit set (0xFFF8000000000000) and would otherwise sort before -Infinity, apart
    // from the NaN every JavaScript program writes. JavaScript cannot tell NaNs apart, so one NaN loses nothing.
    // Decoding builds parts through here too, so a NaN read from any bytes re-encodes as this one.
    private static double CanonicalizeNaN(double value) => double.IsNaN(value) ? JavaScriptNaN : value;

    internal ReadOnlySpan<byte> BytesSpan => (byte[])_value;

    internal object RawValue => _value;

    /// <inheritdoc />
    public bool Equals(KvKeyPart? other) =>
        other is not null && Kind == other.Kind && Kind switch
        {
            KvKeyPartKind.Bytes => BytesSpan.SequenceEqual(other.BytesSpan),
            // Bitwise, so -0.0 and 0.0 differ and NaN equals NaN, as their encodings do.
            KvKeyPartKind.Number => BitConverter.DoubleToInt64Bits((double)_value) == BitConverter.DoubleToInt64Bits((double)other._value),
            _ => _value.Equals(other._value),
        };

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KvKeyPart);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        KvKeyPartKind.Bytes => HashBytes(BytesSpan),
        KvKeyPartKind.Number => BitConverter.DoubleToInt64Bits((double)_value).GetHashCode(),
        _ => HashCode.Combine(Kind, _value),
    };

    /// <summary>The part as Deno prints it: <c>"text"</c>, <c>42n</c>, <c>1.5</c>, <c>true</c>, <c>Uint8Array(2) [1, 2]</c>.</summary>
    public override string ToString() => KvKeyFormatter.FormatPart(this);

    private static int HashBytes(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
