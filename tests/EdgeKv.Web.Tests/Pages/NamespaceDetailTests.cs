using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages;

public sealed class NamespaceDetailTests : ConsolePageContext
{
    [Fact]
    public async Task Render_OwnNamespace_ShowsItsNameAndBothTabs()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("owner@example.com", "orders");

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        page.WaitForAssertion(() => Assert.Equal("orders", page.Find("#namespace-name").TextContent));
        Assert.Equal(["记录", "关联项目"], page.FindAll(".rz-tabview-nav li").Select(tab => tab.TextContent.Trim()));
    }

    [Fact]
    public async Task Render_AnotherUsersNamespace_ReadsAsNotFoundAndShowsNoRecords()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, victimNamespaces) = await OpenUserAsync("victim@example.com", "secrets");
        await OpenUserAsync("intruder@example.com");

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, victimNamespaces[0].Id));

        page.WaitForAssertion(() => Assert.Contains("未找到命名空间。", page.Find("#load-error").TextContent));
        Assert.Empty(page.FindAll("#record-grid"));
        Assert.DoesNotContain("secrets", page.Markup);
    }

    [Fact]
    public async Task Render_AnotherUsersNamespaceAsAdmin_IsShown()
    {
        var (_, namespaces) = await OpenUserAsync("someone@example.com", "shared");
        SignIn(Admin, "admin@edgekv.local");

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        page.WaitForAssertion(() => Assert.Equal("shared", page.Find("#namespace-name").TextContent));
    }

    [Fact]
    public async Task Render_SuspendedAccount_RecordsAreReadOnly()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("paused@example.com", "orders");
        var account = await Get<AccountApplicationService>().GetMyAccountAsync(user, TestContext.Current.CancellationToken);
        await Get<AccountApplicationService>().SuspendAsync(Admin, account.AccountId!.Value, "欠费", TestContext.Current.CancellationToken);

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        page.WaitForAssertion(() => Assert.Contains("您的 KV 账户已停用，无法修改。", page.Find("#read-only").TextContent));
        page.WaitForAssertion(() => Assert.True(page.Find("#new-record").HasAttribute("disabled")));
    }

    [Fact]
    public async Task RenamedElsewhere_WhileShown_HeaderShowsTheNewName()
    {
        var (user, namespaces) = await OpenUserAsync("live-rename@example.com", "orders");
        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        page.WaitForAssertion(() => Assert.Equal("orders", page.Find("#namespace-name").TextContent));

        await Get<NamespaceService>().RenameAsync(user, namespaces[0].Id, "orders-2025", TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Equal("orders-2025", page.Find("#namespace-name").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Render_SuspendedOwner_RenameIsOff()
    {
        var (user, namespaces) = await OpenUserAsync("paused-rename@example.com", "orders");
        var account = await Get<AccountApplicationService>().GetMyAccountAsync(user, TestContext.Current.CancellationToken);
        await Get<AccountApplicationService>().SuspendAsync(Admin, account.AccountId!.Value, "欠费", TestContext.Current.CancellationToken);

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        page.WaitForAssertion(() => Assert.True(page.Find("#rename-namespace").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Render_OpenOwner_RenameIsOn()
    {
        var (_, namespaces) = await OpenUserAsync("open-rename@example.com", "orders");

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        page.WaitForAssertion(() => Assert.False(page.Find("#rename-namespace").HasAttribute("disabled")));
    }
}
