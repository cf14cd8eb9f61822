using System.Numerics;
using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Tests.Keys;

/// <summary>Known encodings: the bytes Deno KV stores for these keys (tuple-layer facts).</summary>
public sealed class KeyCodecVectorTests
{
    public static TheoryData<string, KvKey, string> Vectors => new()
    {
        { "string", KvKey.Of("hello"), "0268656c6c6f00" },
        { "bytes with a zero escaped", KvKey.Of(new byte[] { 1, 2, 0, 7, 8 }), "01010200ff070800" },
        { "two parts", KvKey.Of("hello", new byte[] { 1, 2, 0, 7, 8 }), "0268656c6c6f0001010200ff070800" },
        { "empty string", KvKey.Of(""), "0200" },
        { "zero", KvKey.Of(BigInteger.Zero), "14" },
        { "one", KvKey.Of(BigInteger.One), "1501" },
        { "255", KvKey.Of(new BigInteger(255)), "15ff" },
        { "256", KvKey.Of(new BigInteger(256)), "160100" },
        { "minus one", KvKey.Of(BigInteger.MinusOne), "13fe" },
        { "minus 256", KvKey.Of(new BigInteger(-256)), "12feff" },
        { "2^64 takes the long form", KvKey.Of(BigInteger.Pow(2, 64)), "1d09010000000000000000" },
        { "-(2^64) takes the long negative form", KvKey.Of(-BigInteger.Pow(2, 64)), "0bf6feffffffffffffffff" },
        { "0.0", KvKey.Of(0.0), "218000000000000000" },
        { "-0.0", KvKey.Of(-0.0), "217fffffffffffffff" },
        { "1.5", KvKey.Of(1.5), "21bff8000000000000" },
        { "-1.5", KvKey.Of(-1.5), "214007ffffffffffff" },
        { "false", KvKey.Of(false), "26" },
        { "true", KvKey.Of(true), "27" },
        { "empty key", KvKey.Empty, "" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encode_KnownKey_ProducesDenoBytes(string name, KvKey key, string expectedHex)
    {
        var hex = Convert.ToHexStringLower(key.Encode());

        Assert.True(expectedHex == hex, $"{name}: expected {expectedHex}, got {hex}");
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decode_KnownBytes_ReturnsTheKey(string name, KvKey key, string hex)
    {
        var decoded = KvKey.Decode(Convert.FromHexString(hex));

        Assert.True(key.Equals(decoded), $"{name}: decoded {decoded}");
        Assert.Equal(key.ToString(), decoded.ToString());
    }

    [Theory]
    [InlineData("03", "an unknown type code")]
    [InlineData("026869", "a string with no terminator")]
    [InlineData("16ff", "an integer cut short")]
    [InlineData("21000000", "a double cut short")]
    [InlineData("02ff00", "a string that is not UTF-8")]
    public void Decode_InvalidBytes_ThrowsInvalidEncodedKey(string hex, string because)
    {
        var error = Assert.Throws<KvException>(() => KvKey.Decode(Convert.FromHexString(hex)));

        Assert.True(KvErrors.InvalidEncodedKey == error.Message, because);
    }

    [Fact]
    public void Encode_NegativeAndPositiveZero_AreDistinctKeys()
    {
        Assert.NotEqual(KvKey.Of(0.0), KvKey.Of(-0.0));
        Assert.True(KvKey.Of(-0.0).CompareTo(KvKey.Of(0.0)) < 0);
    }

    // The tuple layer writes a double whose sign bit is clear with that bit flipped: JavaScript's NaN,
    // 0x7FF8000000000000, becomes FF F8 00 00 00 00 00 00 after the type code.
    private const string DenosNaN = "21fff8000000000000";

    [Theory]
    [InlineData(0x7FF8000000000000UL, "JavaScript's NaN")]
    [InlineData(0xFFF8000000000000UL, ".NET's double.NaN, sign bit set")]
    [InlineData(0x7FF0000000000001UL, "a signalling NaN with a payload")]
    [InlineData(0x7FF8000000000002UL, "a quiet NaN with a payload")]
    [InlineData(0xFFF8000000000001UL, "a negative NaN with a payload")]
    [InlineData(0xFFFFFFFFFFFFFFFFUL, "every bit set")]
    public void Encode_AnyNaN_IsDenosNaNBytes(ulong bits, string because)
    {
        var key = KvKey.Of(BitConverter.Int64BitsToDouble((long)bits));

        Assert.True(DenosNaN == Convert.ToHexStringLower(key.Encode()), because);
        Assert.Equal(KvKey.Of(BitConverter.Int64BitsToDouble(0x7FF8000000000000)), key);
        Assert.Equal(KvKey.Of(double.NaN).GetHashCode(), key.GetHashCode());
    }

    [Fact]
    public void Encode_DotNetNaNAndItsNegation_AreDenosNaNBytes()
    {
        Assert.Equal(DenosNaN, Convert.ToHexStringLower(KvKey.Of(double.NaN).Encode()));
        Assert.Equal(DenosNaN, Convert.ToHexStringLower(KvKey.Of(-double.NaN).Encode()));
    }

    [Theory]
    [InlineData("210007ffffffffffff", "a negative NaN (0xFFF8000000000000)")]
    [InlineData("21fff8000000000001", "a NaN with a payload (0x7FF8000000000001)")]
    [InlineData("21fff0000000000001", "a signalling NaN (0x7FF0000000000001)")]
    public void Decode_AnyNaNBytes_ReencodesAsDenosNaN(string hex, string because)
    {
        var key = KvKey.Decode(Convert.FromHexString(hex));

        Assert.True(double.IsNaN((double)key[0].Value), because);
        Assert.True(DenosNaN == Convert.ToHexStringLower(key.Encode()), because);
        Assert.Equal(KvKey.Of(double.NaN), key);
    }

    [Fact]
    public void Sort_AnyNaN_AfterInfinityBeforeFalseAsDenosNaN()
    {
        var negativeWithPayload = KvKey.Of(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000001)));
        List<KvKey> keys = [KvKey.Of(false), KvKey.Of(double.NaN), negativeWithPayload, KvKey.Of(double.PositiveInfinity), KvKey.Of(double.NegativeInfinity)];

        keys.Sort();

        Assert.Equal(["-Infinity", "Infinity", "NaN", "NaN", "false"], keys.Select(k => k[0].ToString()));
        Assert.Equal(0, keys[2].CompareTo(keys[3]));
    }

    [Fact]
    public void Encode_BigIntOver255Bytes_ThrowsBigIntTooLarge()
    {
        var huge = BigInteger.Pow(2, 8 * 256);

        var error = Assert.Throws<KvException>(() => KvKey.Of(huge).Encode());

        Assert.Equal(KvErrors.BigIntTooLarge, error.Message);
    }

    [Fact]
    public void ToString_MixedKey_PrintsLikeDeno()
    {
        var key = KvKey.Of("users", new BigInteger(42), 1.5, true, new byte[] { 1, 2 });

        Assert.Equal("[\"users\", 42n, 1.5, true, Uint8Array(2) [1, 2]]", key.ToString());
    }
}
