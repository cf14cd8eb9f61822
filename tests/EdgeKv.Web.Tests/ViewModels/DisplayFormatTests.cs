using EdgeKv.Web.Services;

namespace EdgeKv.Web.Tests.ViewModels;

public sealed class DisplayFormatTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(10_485, "10.2 KB")]
    [InlineData(100L * 1024 * 1024, "100 MB")]
    public void Bytes_Count_ReadsInBinaryUnits(long bytes, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Bytes(bytes));
    }

    [Fact]
    public void Percent_OverTheLimit_IsCappedAt100()
    {
        Assert.Equal(100, DisplayFormat.Percent(20, 10));
        Assert.Equal(50, DisplayFormat.Percent(5, 10));
    }
}
