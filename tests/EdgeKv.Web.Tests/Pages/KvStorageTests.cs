using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

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
        Assert.Equal("账户已停用，无法创建命名空间", page.Find("#create-blocked-reason").TextContent);
        Assert.Equal("已停用", page.Find("#account-status").TextContent.Trim());
    }

    [Fact]
    public async Task Render_Admin_ShowsTheirNamespacesNotTheApplyCard()
    {
        using var culture = new CultureScope("zh-Hans");
        await Get<NamespaceService>().CreateAsync(Admin, "ops", cancellationToken: TestContext.Current.CancellationToken);
        SignIn(Admin, "admin@edgekv.local");

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Equal("ops", page.Find("a.namespace-link").TextContent));
        Assert.Empty(page.FindAll("#apply"));
        Assert.Equal("已通过", page.Find("#account-status").TextContent.Trim());
        Assert.False(page.Find("#create-namespace").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_Chinese_HeaderDescriptionAndColumns()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenUserAsync("columns@example.com", "orders");

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Equal("KV 存储", page.Find("h1").TextContent));
        Assert.Equal("可在函数和程序中读写的持久化键值存储，每个命名空间都是一个独立的数据库。", page.Find(".page-description").TextContent.Trim());
        Assert.Equal(["命名空间名称", "命名空间 ID", "记录数", "大小", "绑定项目数", "创建时间", "操作"],
            page.FindAll("#namespace-grid thead th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public async Task Render_OpenAccount_ListsTheProgramIdWithACopyButton()
    {
        var (_, namespaces) = await OpenUserAsync("ids@example.com", "orders");

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Equal(namespaces[0].StoreId, page.Find("#namespace-grid code.store-id").TextContent));
        Assert.Equal(namespaces[0].StoreId, page.Find("#namespace-grid .copy-button").GetAttribute("data-copy"));
        Assert.StartsWith("ns", namespaces[0].StoreId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NoNamespaces_EmptyStateWithOneCallToAction()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenUserAsync("empty@example.com");

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Contains("暂无命名空间", page.Find("#namespace-empty").TextContent));
        Assert.Equal("创建命名空间", Assert.Single(page.FindAll("#namespace-empty button")).TextContent.Trim());
    }

    [Fact]
    public async Task Render_AtTheNamespaceLimit_CreateIsOffWithTheReason()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenUserAsync("limit@example.com", [.. Enumerable.Range(1, 10).Select(i => $"ns{i:00}")]);

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Equal("10 / 10", page.Find("#usage-namespaces").TextContent.Trim()));
        Assert.True(page.Find("#create-namespace").HasAttribute("disabled"));
        Assert.Equal("已达到命名空间上限（10 个）", page.Find("#create-blocked-reason").TextContent);
        Assert.Equal("已用 100%", page.Find("#usage-namespaces-percent").TextContent);
    }

    [Fact]
    public async Task Render_BelowTheLimit_CreateIsOnWithoutAReason()
    {
        await OpenUserAsync("below@example.com", "one");

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Equal("1 / 10", page.Find("#usage-namespaces").TextContent.Trim()));
        Assert.False(page.Find("#create-namespace").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("#create-blocked-reason"));
    }

    [Fact]
    public async Task Search_OnEnter_ShowsOnlyMatchingNamesAndSaysWhenNoneMatch()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenUserAsync("search@example.com", "orders", "sessions", "order-archive");
        var page = Render<KvStorage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("a.namespace-link").Count));

        page.Find("#namespace-search").Change("ORDER");
        Assert.Equal(3, page.FindAll("a.namespace-link").Count);
        page.Find("#namespace-search").KeyUp(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal(["order-archive", "orders"], page.FindAll("a.namespace-link").Select(a => a.TextContent)));
        page.Find("#namespace-search").Change("nothing");
        page.Find("#namespace-search").KeyUp(new KeyboardEventArgs { Key = "Enter" });
        page.WaitForAssertion(() => Assert.Equal("没有名称包含“nothing”的命名空间。", page.Find("#namespace-no-match").TextContent));
    }

    [Fact]
    public async Task Delete_FromTheList_AsksFirstThenDeletes()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("delete@example.com", "doomed", "kept");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<KvStorage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("a.namespace-link").Count));

        page.Find("button.delete-namespace[data-name='doomed']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("确定删除命名空间 doomed 及其全部记录和绑定关系吗？删除后无法恢复。", dialogs.Markup));
        Assert.Equal(2, (await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken)).Count);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "删除").Click();

        page.WaitForAssertion(() => Assert.Equal(["kept"], page.FindAll("a.namespace-link").Select(a => a.TextContent)), TimeSpan.FromSeconds(10));
        Assert.Equal("1 / 10", page.Find("#usage-namespaces").TextContent.Trim());
        Assert.Equal(["kept"], (await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken)).Select(ns => ns.Name));
    }

    [Fact]
    public async Task Delete_Cancelled_KeepsTheNamespace()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("keep@example.com", "kept");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<KvStorage>();
        page.WaitForElement("button.delete-namespace");

        page.Find("button.delete-namespace").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定删除命名空间 kept", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "取消").Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("确定删除命名空间", dialogs.Markup));
        Assert.Single(await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Single(page.FindAll("a.namespace-link"));
    }

    [Fact]
    public async Task Render_Pending_QuietAlertAndPendingChip()
    {
        using var culture = new CultureScope("en");
        var user = await CreateUserAsync("wait@example.com");
        await Get<AccountApplicationService>().ApplyAsync(user, null, TestContext.Current.CancellationToken);
        SignIn(user, "wait@example.com");

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Contains("Application under review", page.Find("#account-pending").TextContent));
        Assert.Contains("mud-alert-outlined", page.Find("#account-pending").ClassName);
        Assert.Equal("In review", page.Find("#account-status").TextContent.Trim());
        Assert.Empty(page.FindAll("#namespace-grid"));
    }
}

