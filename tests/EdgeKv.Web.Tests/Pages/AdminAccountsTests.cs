using EdgeKv.Domain.Accounts;
using EdgeKv.Web.Components.Pages.Admin;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace EdgeKv.Web.Tests.Pages;

public sealed class AdminAccountsTests : AdminPageContext
{
    [Fact]
    public async Task Render_InChinese_ShowsEveryStatusAsAChipAndTheActionsItAllows()
    {
        using var culture = new CultureScope("zh-Hans");
        await ApplicantAsync("pending@example.com");
        await OpenAccountAsync("open@example.com");
        var (_, rejected) = await ApplicantAsync("rejected@example.com");
        await Get<AccountApplicationService>().RejectAsync(Admin, rejected.AccountId!.Value, "不符合", TestContext.Current.CancellationToken);
        var (_, suspended) = await OpenAccountAsync("suspended@example.com");
        await Get<AccountApplicationService>().SuspendAsync(Admin, suspended.AccountId!.Value, "滥用", TestContext.Current.CancellationToken);

        var page = RenderAsAdmin<AdminAccounts>();

        // Four applicants' accounts and the admin's own (opened at seeding).
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("#account-grid tbody tr.mud-table-row").Count));
        Assert.Equal("审核中", Chip(page, "pending@example.com"));
        Assert.Equal("已通过", Chip(page, "open@example.com"));
        Assert.Equal("已拒绝", Chip(page, "rejected@example.com"));
        Assert.Equal("已停用", Chip(page, "suspended@example.com"));
        Assert.Equal("停用", page.Find("button.suspend[data-email='open@example.com']").TextContent.Trim());
        Assert.Equal("恢复", page.Find("button.reinstate[data-email='suspended@example.com']").TextContent.Trim());
        Assert.Equal(5, page.FindAll("button.edit-quota").Count);
        Assert.Contains("滥用", page.Find("#account-grid").TextContent);
        Assert.Contains("0 B / 100 MB", page.Find("#account-grid").TextContent);
        Assert.Contains("共 5 条", page.Find("#account-search-total").TextContent);
        Assert.Contains("所有 KV 账户的状态与用量", page.Find(".page-description").TextContent);
    }

    [Fact]
    public async Task Render_InEnglish_ShowsEnglishChips()
    {
        using var culture = new CultureScope("en");
        await OpenAccountAsync("open@example.com");

        var page = RenderAsAdmin<AdminAccounts>();

        page.WaitForAssertion(() => Assert.Equal("Approved", Chip(page, "open@example.com")));
        Assert.Equal("Suspend", page.Find("button.suspend[data-email='open@example.com']").TextContent.Trim());
        Assert.Equal("Quota", page.Find("button.edit-quota[data-email='open@example.com']").TextContent.Trim());
    }

    [Fact]
    public async Task Search_OnEnter_FiltersByEmail_AndAQueryParameterPrefillsIt()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenAccountAsync("alice@example.com");
        await OpenAccountAsync("bob@example.com");

        var navigation = Get<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("email", "alice"));

        var page = RenderAsAdmin<AdminAccounts>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("button.edit-quota")));
        Assert.Equal("alice", page.Find("#account-search").GetAttribute("value"));
        page.Find("#account-search").Input("bob");
        page.Find("#account-search").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        page.WaitForAssertion(() => Assert.Single(page.FindAll("button.edit-quota[data-email='bob@example.com']")));
        page.Find("#account-search").Input("nobody");
        page.Find("#account-search").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        page.WaitForElement("#accounts-no-match");

        page.Find("#accounts-no-match button.clear-filters").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("button.edit-quota").Count));
    }

    [Fact]
    public async Task StatusFilter_Suspended_KeepsOnlySuspendedAccounts()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenAccountAsync("open@example.com");
        var (_, suspended) = await OpenAccountAsync("suspended@example.com");
        await Get<AccountApplicationService>().SuspendAsync(Admin, suspended.AccountId!.Value, "滥用", TestContext.Current.CancellationToken);
        var page = RenderAsAdmin<AdminAccounts>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("button.edit-quota").Count));

        page.Find(".admin-status-filter .mud-select-input").MouseDown();
        Popovers.WaitForElements(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Contains("已停用")).Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("button.edit-quota")));
        Assert.Single(page.FindAll("button.reinstate[data-email='suspended@example.com']"));
    }

    [Fact]
    public async Task Suspend_WithAReason_SuspendsTheAccount_ThenReinstateOpensItAgain()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenAccountAsync("open@example.com");
        var page = RenderAsAdmin<AdminAccounts>();
        page.WaitForElement("button.suspend[data-email='open@example.com']");

        page.Find("button.suspend[data-email='open@example.com']").Click();
        DialogHost.WaitForElement("#reason").Input("滥用");
        DialogHost.Find("#dialog-submit").Click();

        page.WaitForAssertion(() => Assert.Equal("已停用", Chip(page, "open@example.com")));
        Assert.Contains("已停用 open@example.com 的账户。", SnackbarTexts);
        Assert.Equal(KvAccountStatus.Suspended, (await Get<AccountApplicationService>().GetMyAccountAsync(user, TestContext.Current.CancellationToken)).Status);

        page.Find("button.reinstate[data-email='open@example.com']").Click();

        page.WaitForAssertion(() => Assert.Equal("已通过", Chip(page, "open@example.com")));
        Assert.Contains("已恢复 open@example.com 的账户。", SnackbarTexts);
    }

    [Fact]
    public async Task Quota_SavedInTheDialog_ChangesTheAccountsQuota()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenAccountAsync("open@example.com");
        var page = RenderAsAdmin<AdminAccounts>();
        page.WaitForElement("button.edit-quota[data-email='open@example.com']");

        page.Find("button.edit-quota[data-email='open@example.com']").Click();
        DialogHost.WaitForElement("#capacity-mb").Input("0.01");
        DialogHost.Find("#max-namespaces").Input("3");
        DialogHost.Find("#dialog-submit").Click();

        page.WaitForAssertion(() => Assert.Contains("0 B / 10.2 KB", page.Find("#account-grid").TextContent));
        Assert.Contains("0 / 3", page.Find("#account-grid").TextContent);
        Assert.Contains("已保存 open@example.com 的配额。", SnackbarTexts);
        var account = await Get<AccountApplicationService>().GetMyAccountAsync(user, TestContext.Current.CancellationToken);
        Assert.Equal((long)(0.01m * 1024 * 1024), account.CapacityBytes);
        Assert.Equal(3, account.MaxNamespaces);
    }

    [Fact]
    public async Task Render_AsUser_IsRefused()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenAccountAsync("open@example.com");
        var user = await CreateUserAsync("user@example.com");
        SignIn(user, "user@example.com");

        var page = RenderWithProviders<AdminAccounts>();

        page.WaitForAssertion(() => Assert.Contains("只有管理员可以执行此操作。", page.Find("#load-error").TextContent));
        Assert.Empty(page.FindAll("button.edit-quota"));
    }

    private static string Chip(IRenderedComponent<AdminAccounts> page, string email) =>
        page.FindAll("#account-grid tbody tr.mud-table-row").Single(row => row.TextContent.Contains(email)).QuerySelector(".status-chip")!.TextContent.Trim();
}
