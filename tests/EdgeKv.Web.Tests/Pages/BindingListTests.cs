using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Components.Pages.Bindings;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>The bindings of a namespace (关联项目) and of a project (KV 存储): both sides, bind, unbind, live.</summary>
public sealed class BindingListTests : ConsolePageContext
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false, "绑定项目")]
    [InlineData(true, "绑定命名空间")]
    public async Task List_NothingBound_ShowsEmptyStateWithOneBindAction(bool fromProject, string action)
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        RenderPopovers();

        var list = fromProject ? RenderForProject(project.Id, user.UserId) : RenderForNamespace(namespaces[0].Id, user.UserId);

        list.WaitForAssertion(() => Assert.Contains("暂无绑定。", list.Find("#bindings-empty").TextContent));
        Assert.Equal(action, Assert.Single(list.FindAll("#bindings-empty button")).TextContent.Trim());
        Assert.Equal(action, list.Find("#bind").TextContent.Trim());
    }

    [Fact]
    public async Task List_BothSides_ShowTheSameBindingWithLinksToTheOtherSide()
    {
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, project.Id, "my_kv", Ct);
        RenderPopovers();

        var fromNamespace = RenderForNamespace(namespaces[0].Id, user.UserId);
        var fromProject = RenderForProject(project.Id, user.UserId);

        fromNamespace.WaitForAssertion(() => Assert.Equal("shop", fromNamespace.Find("a.bound-name").TextContent));
        Assert.Equal($"projects/{project.Id}", fromNamespace.Find("a.bound-name").GetAttribute("href"));
        fromProject.WaitForAssertion(() => Assert.Equal("sessions", fromProject.Find("a.bound-name").TextContent));
        Assert.Equal($"kv/{namespaces[0].Id}", fromProject.Find("a.bound-name").GetAttribute("href"));
        Assert.Equal("my_kv", fromProject.Find(".variable-name").TextContent);
        Assert.Equal("my_kv", fromProject.Find(".variable-cell .copy-button").GetAttribute("data-copy"));
    }

    [Fact]
    public async Task Bind_ThroughTheDialog_ListsTheBindingOnThisSideAndLiveOnTheOther()
    {
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        var dialogs = Render<MudDialogProvider>();
        var popovers = RenderPopovers();
        var fromNamespace = RenderForNamespace(namespaces[0].Id, user.UserId);
        var fromProject = RenderForProject(project.Id, user.UserId);
        fromNamespace.WaitForAssertion(() => Assert.NotEmpty(fromNamespace.FindAll("#bindings-empty")));

        fromNamespace.Find("#bind").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#bind-target")));
        dialogs.Find("#bind-target").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
        popovers.Find(".mud-popover-open .mud-list-item").Click();
        dialogs.Find("#variable-name").Input("my_kv");
        dialogs.Find("#dialog-submit").Click();

        fromNamespace.WaitForAssertion(() => Assert.Equal("my_kv", fromNamespace.Find(".variable-name").TextContent));
        fromProject.WaitForAssertion(() => Assert.Equal("my_kv", fromProject.Find(".variable-name").TextContent));
    }

    [Fact]
    public async Task Unbind_Confirmed_RemovesTheBindingThroughTheDomain()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, project.Id, "my_kv", Ct);
        var dialogs = Render<MudDialogProvider>();
        RenderPopovers();
        var list = RenderForProject(project.Id, user.UserId);
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("button.unbind")));

        list.Find("button.unbind[data-variable='my_kv']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定解除 sessions 与 shop 的绑定（变量名 my_kv）吗？", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "解绑").Click();

        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("#bindings-empty")));
        Assert.Empty(await Get<BindingService>().ListForProjectAsync(user, project.Id, Ct));
    }

    [Fact]
    public async Task Unbind_Cancelled_KeepsTheBinding()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, project.Id, "my_kv", Ct);
        var dialogs = Render<MudDialogProvider>();
        RenderPopovers();
        var list = RenderForNamespace(namespaces[0].Id, user.UserId);
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("button.unbind")));

        list.Find("button.unbind").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog button")));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "取消").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Single(await Get<BindingService>().ListForNamespaceAsync(user, namespaces[0].Id, Ct));
        Assert.Single(list.FindAll("button.unbind"));
    }

    [Fact]
    public async Task List_ProjectDeletedElsewhere_DropsItsBindingLive()
    {
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, project.Id, "my_kv", Ct);
        RenderPopovers();
        var list = RenderForNamespace(namespaces[0].Id, user.UserId);
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("button.unbind")));

        await Get<ProjectService>().DeleteAsync(user, project.Id, Ct);

        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("#bindings-empty")));
    }

    [Fact]
    public async Task List_AnotherUsersProject_ReadsAsNotFound()
    {
        using var scope = new CultureScope("en");
        var (alice, aliceNamespaces) = await OpenUserAsync("alice@example.com", "private");
        var aliceProject = await Get<ProjectService>().CreateAsync(alice, "alices", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(alice, aliceNamespaces[0].Id, aliceProject.Id, "secret_kv", Ct);
        var (bob, _) = await OpenUserAsync("bob@example.com");

        var list = RenderForProject(aliceProject.Id, bob.UserId);

        list.WaitForAssertion(() => Assert.Equal("Project not found.", list.Find("#bindings-error").TextContent));
        Assert.DoesNotContain("secret_kv", list.Markup);
    }

    private IRenderedComponent<BindingList> RenderForNamespace(int namespaceId, string ownerUserId) =>
        Render<BindingList>(p => p.Add(c => c.NamespaceId, namespaceId).Add(c => c.OwnerUserId, ownerUserId));

    private IRenderedComponent<BindingList> RenderForProject(int projectId, string ownerUserId) =>
        Render<BindingList>(p => p.Add(c => c.ProjectId, projectId).Add(c => c.OwnerUserId, ownerUserId));
}
