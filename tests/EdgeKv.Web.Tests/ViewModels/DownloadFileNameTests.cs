using EdgeKv.Web.Downloads;

namespace EdgeKv.Web.Tests.ViewModels;

public sealed class DownloadFileNameTests
{
    [Theory]
    [InlineData("logo.png", "logo.png")]
    [InlineData("reports/2024\\q1:final?.csv", "reports_2024_q1_final_.csv")]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("line\nbreak\t", "line_break_")]
    [InlineData("报告 2024.txt", "报告 2024.txt")]
    [InlineData(".hidden. ", "hidden")]
    [InlineData("...", "value")]
    [InlineData("<>|*", "____")]
    public void For_Key_GivesASafeFileName(string key, string expected)
    {
        Assert.Equal(expected, DownloadFileName.For(key));
    }

    [Fact]
    public void For_LongKey_IsCutToTheMaximumWithoutSplittingACharacter()
    {
        var name = DownloadFileName.For(new string('a', DownloadFileName.MaxLength - 1) + "😀😀");

        Assert.Equal(new string('a', DownloadFileName.MaxLength - 1), name);
    }
}
