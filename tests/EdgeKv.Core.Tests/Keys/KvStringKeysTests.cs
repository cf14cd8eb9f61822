using System.Numerics;
using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Tests.Keys;

public sealed class KvStringKeysTests
{
    // Characters that sit at the edges the range must handle: NUL (escaped in the encoding), the last BMP code point
    // before the surrogates, the first after them, and the largest code point.
    private static readonly string[] Alphabet = ["a", "b", "\0", "\uD7FF", "\uE000", "\U0010FFFF", "é"];

    [Theory]
    [InlineData("ab", "ac")]
    [InlineData("a\uD7FF", "a\uE000")]
    [InlineData("a\U0010FFFF", "b")]
    public void EndOfPrefix_String_IsThePrefixWithItsLastCodePointIncremented(string prefix, string end)
    {
        Assert.Equal(KvKey.Of(end), KvStringKeys.EndOfPrefix(prefix));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\U0010FFFF\U0010FFFF")]
    public void EndOfPrefix_NoLargerString_IsTheFirstKeyAfterAllStrings(string prefix)
    {
        Assert.Equal(KvKey.Of(BigInteger.Zero), KvStringKeys.EndOfPrefix(prefix));
    }

    [Fact]
    public void PrefixRange_RandomStrings_HoldsExactlyTheKeysStartingWithThePrefix()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 3_000; i++)
        {
            var prefix = RandomString(random, 3);
            var key = random.Next(4) == 0 ? prefix + RandomString(random, 3) : RandomString(random, 5);
            var encoded = KeyCodec.Encode(KvKey.Of(key));
            var start = KeyCodec.Encode(KvKey.Of(prefix));
            var end = KeyCodec.Encode(KvStringKeys.EndOfPrefix(prefix));

            var inRange = encoded.AsSpan().SequenceCompareTo(start) >= 0 && encoded.AsSpan().SequenceCompareTo(end) < 0;

            Assert.True(inRange == key.StartsWith(prefix, StringComparison.Ordinal), $"key {Escape(key)}, prefix {Escape(prefix)}");
        }
    }

    [Fact]
    public void TryGetString_OnePartStringOnly_ReturnsTheString()
    {
        Assert.True(KvStringKeys.TryGetString(KvKey.Of("k"), out var value));
        Assert.Equal("k", value);
        Assert.False(KvStringKeys.TryGetString(KvKey.Of("k", "more"), out _));
        Assert.False(KvStringKeys.TryGetString(KvKey.Of(BigInteger.One), out _));
        Assert.False(KvStringKeys.TryGetString(KvKey.Empty, out _));
    }

    private static string RandomString(Random random, int maxLength) =>
        string.Concat(Enumerable.Range(0, random.Next(maxLength + 1)).Select(_ => Alphabet[random.Next(Alphabet.Length)]));

    private static string Escape(string value) => string.Concat(value.EnumerateRunes().Select(r => $"U+{r.Value:X4} "));
}
