namespace EdgeKv.Core.Keys;

/// <summary>
/// The kinds of key part, in the order Deno KV sorts them (the order of their tuple-layer type codes):
/// bytes &lt; string &lt; bigint &lt; number &lt; false &lt; true. Deno's docs put number before bigint; the bytes do not.
/// </summary>
public enum KvKeyPartKind
{
    /// <summary>A byte array (tuple type code 0x01).</summary>
    Bytes,

    /// <summary>A string, compared by its UTF-8 bytes (tuple type code 0x02).</summary>
    String,

    /// <summary>An arbitrary-precision integer (tuple type codes 0x0B..0x1D).</summary>
    BigInt,

    /// <summary>A 64-bit float; -0.0 and 0.0 are distinct, every NaN is JavaScript's NaN (tuple type code 0x21).</summary>
    Number,

    /// <summary>A boolean; false sorts before true (tuple type codes 0x26, 0x27).</summary>
    Boolean,
}
