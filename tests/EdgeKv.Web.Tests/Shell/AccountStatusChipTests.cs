using EdgeKv.Domain.Accounts;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Shell;

public sealed class AccountStatusChipTests : ConsoleComponentContext
{
    [Theory]
    [InlineData(KvAccountStatus.Pending, "zh-Hans", "审核中", "mud-chip-color-info")]
    [InlineData(KvAccountStatus.Approved, "zh-Hans", "已通过", "mud-chip-color-success")]
    [InlineData(KvAccountStatus.Rejected, "zh-Hans", "已拒绝", "mud-chip-color-error")]
    [InlineData(KvAccountStatus.Suspended, "zh-Hans", "已停用", "mud-chip-color-warning")]
    [InlineData(KvAccountStatus.NotApplied, "zh-Hans", "未申请", "mud-chip-color-default")]
    [InlineData(KvAccountStatus.Pending, "en", "In review", "mud-chip-color-info")]
    [InlineData(KvAccountStatus.Suspended, "en", "Suspended", "mud-chip-color-warning")]
    public void Render_Status_ShowsItsWordsInItsColour(KvAccountStatus status, string culture, string text, string colourClass)
    {
        using var scope = new CultureScope(culture);

        var chip = Render<AccountStatusChip>(parameters => parameters.Add(p => p.Status, status)).Find(".status-chip");

        Assert.Equal(text, chip.TextContent.Trim());
        Assert.Contains(colourClass, chip.ClassList);
        Assert.Equal(status.ToString(), chip.GetAttribute("data-status"));
    }
}
