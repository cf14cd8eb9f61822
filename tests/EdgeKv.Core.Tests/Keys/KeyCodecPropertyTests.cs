using System.Numerics;
using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Tests.Keys;

/// <summary>
/// Properties over thousands of random keys (fixed seeds, so a failure reproduces): decode is the exact inverse of
/// encode, and the byte order of encodings equals the tuple order defined independently by <see cref="TupleOrder"/>.
/// </summary>
public sealed class KeyCodecPropertyTests
{
    private const int Samples = 3000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decode_OfEncode_ReturnsTheSameKey(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Samples; i++)
        {
            var key = RandomKeys.Key(random);

            var decoded = KvKey.Decode(key.Encode());

            Assert.True(key.Equals(decoded), $"{key} came back as {decoded}");
            Assert.Equal(key.Encode(), decoded.Encode());
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void ByteOrder_OfEncodings_EqualsTupleOrder(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Samples; i++)
        {
            var a = RandomKeys.Key(random);
            var b = random.Next(4) == 0 ? RandomKeys.Mutate(random, a) : RandomKeys.Key(random);

            var byBytes = Math.Sign(a.Encode().AsSpan().SequenceCompareTo(b.Encode()));
            var byTuple = Math.Sign(TupleOrder.Compare(a, b));

            Assert.True(byBytes == byTuple, $"{a} vs {b}: bytes say {byBytes}, tuple order says {byTuple}");
        }
    }

    [Fact]
    public void Sort_AcrossKinds_FollowsDenosByteOrder()
    {
        KvKey[] expected =
        [
            KvKey.Of(Array.Empty<byte>()),
            KvKey.Of(new byte[] { 0 }),
            KvKey.Of(""),
            KvKey.Of("a"),
            KvKey.Of(new BigInteger(-1000)),
            KvKey.Of(BigInteger.Zero),
            KvKey.Of(new BigInteger(1000)),
            KvKey.Of(double.NegativeInfinity),
            KvKey.Of(-0.0),
            KvKey.Of(0.0),
            KvKey.Of(double.PositiveInfinity),
            KvKey.Of(double.NaN), // any NaN is JavaScript's, after Infinity
            KvKey.Of(false),
            KvKey.Of(true),
        ];
        var shuffled = expected.OrderBy(_ => Guid.NewGuid()).ToList();

        shuffled.Sort();

        Assert.Equal(expected.Select(k => k.ToString()), shuffled.Select(k => k.ToString()));
    }

    [Fact]
    public void Compare_Strings_ByUtf8BytesNotUtf16()
    {
        // U+E000 is EE 80 80 in UTF-8, before U+1F600's F0 9F 98 80; in UTF-16 it is 0xE000, after the
        // surrogate 0xD83D. Deno compares UTF-8 bytes, so the UTF-8 order must win.
        var privateUse = KvKey.Of("\uE000");
        var emoji = KvKey.Of("\U0001F600");

        Assert.True(privateUse.CompareTo(emoji) < 0);
        Assert.True(string.CompareOrdinal("\uE000", "\U0001F600") > 0);
    }
}
