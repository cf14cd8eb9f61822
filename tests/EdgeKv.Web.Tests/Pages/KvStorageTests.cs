using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages;

public sealed class KvStorageTests : ConsolePageContext
{
    [Fact]
    public async Task Render_NeverApplied_OffersApplyWithLimitedPlacesNote()
    {
        using var culture = new CultureScope("zh-Hans");
        SignIn(await CreateUserAsync("new@example.com"), "new@example.com");

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Contains("立即申请", page.Find("#apply").TextContent));
        Assert.Contains("当前 KV 存储开放名额有限，请申请开通，我们会尽快处理，申请成功后即可使用。", page.Find("#places-note").TextContent);
    }

    [Fact]
    public async Task Apply_ThenAdminApproves_PageTurnsOpenWithoutReload()
    {
        using var culture = new CultureScope("zh-Hans");
        var user = await CreateUserAsync("live@example.com");
        SignIn(user, "live@example.com");
        var page = Render<KvStorage>();
        page.WaitForElement("#apply");

        page.Find("#apply").Click();
        page.WaitForAssertion(() => Assert.Contains("申请审核中", page.Find("#account-pending").TextContent));
        var account = await Get<AccountApplicationService>().GetMyAccountAsync(user, TestContext.Current.CancellationToken);
        await Get<AccountApplicationService>().ApproveAsync(Admin, account.AccountId!.Value, cancellationToken: TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Equal("0 / 10", page.Find("#usage-namespaces").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Contains("暂无命名空间", page.Find("#namespace-grid").TextContent);
    }

    [Fact]
    public async Task Render_Rejected_ShowsReasonAndApplyAgain()
    {
        using var culture = new CultureScope("zh-Hans");
        var user = await CreateUserAsync("no@example.com");
        var accounts = Get<AccountApplicationService>();
        var account = await accounts.ApplyAsync(user, "test", TestContext.Current.CancellationToken);
        await accounts.RejectAsync(Admin, account.AccountId!.Value, "名额不足", TestContext.Current.CancellationToken);
        SignIn(user, "no@example.com");

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Contains("原因：名额不足", page.Find("#account-rejected").TextContent));
        Assert.Contains("重新申请", page.Find("#apply").TextContent);
    }

    [Fact]
    public async Task NamespaceCreatedElsewhere_AppearsInTheList()
    {
        using var culture = new CultureScope("en");
        var user = await CreateUserAsync("open@example.com");
        var accounts = Get<AccountApplicationService>();
        var account = await accounts.ApplyAsync(user, null, TestContext.Current.CancellationToken);
        await accounts.ApproveAsync(Admin, account.AccountId!.Value, cancellationToken: TestContext.Current.CancellationToken);
        SignIn(user, "open@example.com");
        var page = Render<KvStorage>();
        page.WaitForElement("#namespace-grid");

        await Get<NamespaceService>().CreateAsync(user, "sessions", cancellationToken: TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Equal("sessions", page.Find("a.namespace-link").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("1 / 10", page.Find("#usage-namespaces").TextContent.Trim());
    }

    [Fact]
    public async Task AdminSuspends_WhileShown_PageSaysSuspendedAndCreateIsOff()
    {
        using var culture = new CultureScope("zh-Hans");
        var user = await CreateUserAsync("suspend-me@example.com");
        var accounts = Get<AccountApplicationService>();
        var account = await accounts.ApplyAsync(user, null, TestContext.Current.CancellationToken);
        await accounts.ApproveAsync(Admin, account.AccountId!.Value, cancellationToken: TestContext.Current.CancellationToken);
        SignIn(user, "suspend-me@example.com");
        var page = Render<KvStorage>();
        page.WaitForElement("#create-namespace");

        await accounts.SuspendAsync(Admin, account.AccountId!.Value, "违规使用", TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Contains("原因：违规使用", page.Find("#account-suspended").TextContent), TimeSpan.FromSeconds(10));
        Assert.True(page.Find("#create-namespace").HasAttribute("disabled"));
    }
}
