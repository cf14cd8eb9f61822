using EdgeKv.Web.Components.Pages.Admin.Audit;

namespace EdgeKv.Web.Tests.Services;

public sealed class BrowserClockTests
{
    private static readonly DateTime Utc = new(2026, 12, 7, 1, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void ToLocal_Shanghai_EightHoursAhead() =>
        Assert.Equal(new DateTime(2026, 12, 7, 9, 30, 0), BrowserClock.For("Asia/Shanghai").ToLocal(Utc));

    [Theory]
    [InlineData("Asia/Shanghai", "UTC+08:00")]
    [InlineData("America/New_York", "UTC-05:00")]
    [InlineData(null, "UTC")]
    public void OffsetText_Zone_ReadsAsAnOffset(string? zone, string expected) =>
        Assert.Equal(expected, BrowserClock.For(zone).OffsetText(Utc));
}
