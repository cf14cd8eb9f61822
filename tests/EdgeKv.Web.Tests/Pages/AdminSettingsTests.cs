using EdgeKv.Domain.Accounts;
using EdgeKv.Web.Components.Pages.Admin;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages;

public sealed class AdminSettingsTests : AdminPageContext
{
    [Fact]
    public async Task Render_InChinese_ShowsPlacesAndTheDefaultQuota()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenAccountAsync("open@example.com");

        var page = RenderAsAdmin<AdminSettings>();

        page.WaitForAssertion(() => Assert.Contains("已开通账户：1 个（名额不限）。", page.Find("#places-summary").TextContent));
        Assert.Contains("存储容量 100 MB，命名空间 10 个", page.Find("#default-quota").TextContent);
        Assert.True(page.Find("#places").HasAttribute("disabled"));
        Assert.Equal("保存", page.Find("#save-places").TextContent.Trim());
    }

    [Fact]
    public async Task Save_LimitedPlaces_SetsThemInTheDomainAndSaysSaved()
    {
        using var culture = new CultureScope("zh-Hans");
        var page = RenderAsAdmin<AdminSettings>();
        page.WaitForElement("#places-unlimited");

        page.Find("#places-unlimited").Change(false);
        page.Find("#places").Input("5");
        page.Find("#save-places").Click();

        page.WaitForAssertion(() => Assert.Contains("已开通账户：0 / 5 个名额。", page.Find("#places-summary").TextContent));
        Assert.Contains("已保存。", SnackbarTexts);
        var places = await Get<AccountApplicationService>().GetPlacesAsync(Admin, TestContext.Current.CancellationToken);
        Assert.Equal(5, places.MaxApprovedAccounts);
    }

    [Fact]
    public async Task Save_NegativePlaces_IsRefusedWithTheMessageAndChangesNothing()
    {
        using var culture = new CultureScope("zh-Hans");
        var page = RenderAsAdmin<AdminSettings>();
        page.WaitForElement("#places-unlimited");

        page.Find("#places-unlimited").Change(false);
        page.Find("#places").Input("-1");
        page.Find("#save-places").Click();

        page.WaitForAssertion(() => Assert.Contains("名额必须是 0 或正数（留空表示不限）。", page.Markup));
        var places = await Get<AccountApplicationService>().GetPlacesAsync(Admin, TestContext.Current.CancellationToken);
        Assert.Null(places.MaxApprovedAccounts);
    }

    [Fact]
    public async Task Save_AsUser_IsRefusedAndChangesNothing()
    {
        using var culture = new CultureScope("zh-Hans");
        var user = await CreateUserAsync("user@example.com");
        SignIn(user, "user@example.com");
        var page = RenderWithProviders<AdminSettings>();
        page.WaitForElement("#places-unlimited");

        page.Find("#places-unlimited").Change(false);
        page.Find("#places").Input("5");
        page.Find("#save-places").Click();

        page.WaitForAssertion(() => Assert.Contains("只有管理员可以执行此操作。", SnackbarTexts));
        var places = await Get<AccountApplicationService>().GetPlacesAsync(Admin, TestContext.Current.CancellationToken);
        Assert.Null(places.MaxApprovedAccounts);
    }
}
