using EdgeKv.Domain.Accounts;
using EdgeKv.Web.Components.Pages.Admin;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Dialogs;

public sealed class QuotaDialogTests : ConsolePageContext
{
    private static readonly AccountView Account = new(
        7, "u1", "alice@example.com", null, KvAccountStatus.Approved, null, null, null, null,
        CapacityBytes: 100L * 1024 * 1024, MaxNamespaces: 10, NamespaceCount: 2, UsedBytes: 2048);

    [Fact]
    public async Task Open_InChinese_ShowsTheCurrentQuotaAndUse()
    {
        using var culture = new CultureScope("zh-Hans");

        var (provider, _) = await OpenAsync();

        Assert.Equal("100", provider.Find("#capacity-mb").GetAttribute("value"));
        Assert.Equal("10", provider.Find("#max-namespaces").GetAttribute("value"));
        Assert.Contains("存储容量（MB）", provider.Markup);
        Assert.Contains("命名空间上限", provider.Markup);
        Assert.Contains("已用：2 KB，2 个命名空间。", provider.Find("#quota-usage").TextContent);
    }

    [Fact]
    public async Task Submit_AFractionOfAMegabyte_ClosesWithItInBytes()
    {
        var (provider, dialog) = await OpenAsync();

        provider.Find("#capacity-mb").Input("0.01");
        provider.Find("#max-namespaces").Input("3");
        provider.Find("#dialog-submit").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(new QuotaDialog.Quota(10485, 3), result!.Data);
    }

    [Fact]
    public async Task Submit_ZeroCapacity_SaysWhyAndStaysOpen()
    {
        using var culture = new CultureScope("zh-Hans");
        var (provider, dialog) = await OpenAsync();

        provider.Find("#capacity-mb").Input("0");
        provider.Find("#dialog-submit").Click();

        provider.WaitForAssertion(() => Assert.Contains("容量必须是正数。", provider.Markup));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task Submit_NamespaceLimitOutOfRange_SaysWhyAndStaysOpen(string limit)
    {
        using var culture = new CultureScope("en");
        var (provider, dialog) = await OpenAsync();

        provider.Find("#max-namespaces").Input(limit);
        provider.Find("#dialog-submit").Click();

        provider.WaitForAssertion(() => Assert.Contains($"The namespace limit must be between 1 and {EdgeKv.Domain.DomainValidation.MaxNamespacesCeiling}.", provider.Markup));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Cancel_ClosesWithoutAQuota()
    {
        var (provider, dialog) = await OpenAsync();

        provider.Find("#dialog-cancel").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(result!.Canceled);
    }

    private Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync() =>
        OpenDialogAsync<QuotaDialog>(new DialogParameters<QuotaDialog> { { d => d.Account, Account } });
}
