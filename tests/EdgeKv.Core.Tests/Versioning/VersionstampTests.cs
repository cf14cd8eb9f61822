namespace EdgeKv.Core.Tests.Versioning;

public sealed class VersionstampTests
{
    [Fact]
    public void ToString_CommitVersionOne_Is20LowercaseHexCharacters()
    {
        Assert.Equal("00000000000000010000", Versionstamp.FromCommitVersion(1).ToString());
        Assert.Equal("000002fa526aaccb0000", Versionstamp.FromCommitVersion(0x2fa526aaccb).ToString());
    }

    [Fact]
    public void ToBytes_IsBigEndianVersionThenIndex()
    {
        var bytes = Versionstamp.FromCommitVersion(0x0102030405060708, 0x090A).ToBytes();

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, bytes);
        Assert.Equal(Versionstamp.FromCommitVersion(0x0102030405060708, 0x090A), Versionstamp.FromBytes(bytes));
    }

    [Fact]
    public void Parse_OfToString_RoundTrips()
    {
        var versionstamp = Versionstamp.FromCommitVersion(ulong.MaxValue - 5, 7);

        Assert.Equal(versionstamp, Versionstamp.Parse(versionstamp.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000000000000001000")]
    [InlineData("000000000000000100000")]
    [InlineData("0000000000000001000g")]
    public void TryParse_NotTwentyHexCharacters_ReturnsFalse(string? text)
    {
        Assert.False(Versionstamp.TryParse(text, out _));
    }

    [Fact]
    public void CompareTo_OrdersAsTheBytesDo()
    {
        var stamps = new ulong[] { 256, 1, 255, ulong.MaxValue, 0 }.Select(v => Versionstamp.FromCommitVersion(v)).ToList();

        var byValue = stamps.OrderBy(s => s).Select(s => s.ToString());
        var byBytes = stamps.Select(s => s.ToString()).OrderBy(s => s, StringComparer.Ordinal);

        Assert.Equal(byBytes, byValue);
        Assert.True(Versionstamp.FromCommitVersion(1) < Versionstamp.FromCommitVersion(2));
    }
}
