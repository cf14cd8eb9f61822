using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Components.Pages.Bindings;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Services;
using EdgeKv.Web.Tests.Infrastructure;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>
/// The namespace page: its header, tabs and 连接信息. The records and bindings panels are other components with tests of
/// their own; here they are stubs whose parameters show what the page hands them.
/// </summary>
public sealed class NamespaceDetailTests : ConsolePageContext
{
    public NamespaceDetailTests()
    {
        ComponentFactories.AddStub<RecordsPanel>();
        ComponentFactories.AddStub<BindingList>();
    }

    [Fact]
    public async Task Render_OwnNamespace_ShowsItsNameAndItsTabs()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("owner@example.com", "orders");

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        page.WaitForAssertion(() => Assert.Equal("orders", page.Find("#namespace-name").TextContent));
        Assert.Equal(["记录", "关联项目", "连接信息", "用量"], page.FindAll(".mud-tab").Select(tab => tab.TextContent.Trim()));
    }

    [Fact]
    public async Task Render_OwnNamespace_BreadcrumbsLeadBackToKvStorage()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("crumbs@example.com", "orders");

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        page.WaitForAssertion(() => Assert.Equal("orders", page.Find("#namespace-name").TextContent));
        var crumbs = page.FindAll(".page-breadcrumbs li.mud-breadcrumb-item");
        Assert.Equal(["KV 存储", "orders"], crumbs.Select(li => li.TextContent.Trim()));
        Assert.Equal("kv", crumbs[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["重命名", "删除命名空间"], page.FindAll(".page-actions button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public async Task Render_64CharacterName_TitleKeepsTheWholeNameForItsTooltip()
    {
        var name = new string('n', 64);
        var (_, namespaces) = await OpenUserAsync("long@example.com", name);
        var popovers = RenderPopovers();

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        page.WaitForAssertion(() => Assert.Equal(name, page.Find("#namespace-name").TextContent));
        Assert.Contains("page-title", page.Find("#namespace-name").ClassName);
        page.Find(".page-title-box").TriggerEvent("onpointerenter", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        popovers.WaitForAssertion(() => Assert.Contains(name, popovers.Markup));
    }

    [Fact]
    public async Task Render_OwnNamespace_ShowsTheProgramIdUrlsAndSnippets()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("connect@example.com", "orders");
        var storeId = namespaces[0].StoreId;
        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        page.WaitForAssertion(() => Assert.Equal(storeId, page.Find("#namespace-store-id").TextContent));

        page.FindAll(".mud-tab").Single(tab => tab.TextContent.Trim() == "连接信息").Click();

        page.WaitForAssertion(() => Assert.Equal(storeId, page.Find("#connect-store-id").TextContent));
        var urls = new ConnectionUrls("http://localhost/", null);
        Assert.Equal(urls.KvConnect(storeId), page.Find("#connect-kv-url").TextContent);
        Assert.Equal(urls.HttpApi(storeId), page.Find("#connect-http-url").TextContent);
        Assert.Equal($"http://localhost/kv/connect/{storeId}", urls.KvConnect(storeId));
        var deno = page.Find("#snippet-deno").TextContent;
        Assert.Contains($"Deno.openKv(\"http://localhost/kv/connect/{storeId}\")", deno);
        Assert.Contains("DENO_KV_ACCESS_TOKEN=\"<ACCESS_TOKEN>\"", deno);
        var curl = page.Find("#snippet-curl").TextContent;
        Assert.Contains($"curl \"http://localhost/api/v1/namespaces/{storeId}/values/greeting\" -H \"Authorization: Bearer $TOKEN\"", curl);
        Assert.Contains("TOKEN=\"<ACCESS_TOKEN>\"", curl);
        var copied = page.FindAll("#namespace-connect .copy-button").Select(b => b.GetAttribute("data-copy")).ToList();
        Assert.Equal([storeId, urls.KvConnect(storeId), urls.HttpApi(storeId), deno, curl], copied);
        Assert.Equal("tokens", page.Find("#connect-tokens-link").GetAttribute("href"));
        Assert.Equal("前往访问令牌页面创建", page.Find("#connect-tokens-link").TextContent.Trim());
    }

    [Fact]
    public async Task Delete_Confirmed_DeletesAndLeavesForTheList()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("leave@example.com", "doomed");
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        page.WaitForElement("#delete-namespace");

        page.Find("#delete-namespace").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定删除命名空间 doomed", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "删除").Click();

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/kv", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Render_AnotherUsersNamespace_ReadsAsNotFoundAndShowsNoRecords()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, victimNamespaces) = await OpenUserAsync("victim@example.com", "secrets");
        await OpenUserAsync("intruder@example.com");

        var page = Render<NamespaceDetail>(p => p.Add(c => c.NamespaceId, victimNamespaces[0].Id));

        page.WaitForAssertion(() => Assert.Contains("未找到命名空间。", page.Find("#load-error").TextContent));
        Assert.Empty(page.FindComponents<Stub<RecordsPanel>>());
        Assert.Empty(page.FindAll("#rename-namespace"));
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
        var records = page.FindComponent<Stub<RecordsPanel>>();
        Assert.Equal(false, records.Instance.Parameters["Writable"]);
        Assert.Equal(namespaces[0].Id, records.Instance.Parameters["NamespaceId"]);
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
