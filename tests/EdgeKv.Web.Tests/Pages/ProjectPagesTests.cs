using Bunit.TestDoubles;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Components.Pages.Projects;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>项目 and a project's page: listing, 新建项目 through the real domain, search, deleting, live updates.</summary>
public sealed class ProjectPagesTests : ConsolePageContext
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zh-Hans", "项目", "暂无项目。", "新建项目")]
    [InlineData("en", "Projects", "No projects yet.", "New project")]
    public async Task List_NoProjects_ShowsHeaderAndEmptyStateWithOneCreateAction(string culture, string title, string empty, string create)
    {
        using var scope = new CultureScope(culture);
        await OpenUserAsync("a@example.com");
        RenderPopovers();

        var page = Render<ProjectList>();

        page.WaitForAssertion(() => Assert.Contains(empty, page.Find("#projects-empty").TextContent));
        Assert.Equal(title, page.Find("h1").TextContent);
        Assert.NotEmpty(page.Find(".page-description").TextContent);
        Assert.Equal(create, Assert.Single(page.FindAll("#projects-empty button")).TextContent.Trim());
    }

    [Fact]
    public async Task Create_ThroughTheDialog_CreatesAndListsTheProject()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("a@example.com");
        var dialogs = Render<MudDialogProvider>();
        RenderPopovers();
        var page = Render<ProjectList>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#projects-empty")));

        page.Find("#create-project").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#project-name")));
        dialogs.Find("#project-name").Input("shop");
        dialogs.Find("#dialog-submit").Click();

        page.WaitForAssertion(() => Assert.Equal("shop", page.Find("a.project-link").TextContent));
        Assert.Equal("projects/" + Assert.Single(await Get<ProjectService>().ListAsync(user, user.UserId, Ct)).Id, page.Find("a.project-link").GetAttribute("href"));
        Assert.Equal("共 1 个项目", page.Find("#project-count").TextContent);
    }

    [Theory]
    [InlineData("zh-Hans", "项目名称为 1 至 64 个字符，可包含字母、数字、“-”和“_”。")]
    [InlineData("en", "A project name is 1 to 64 characters: letters, digits, '-' and '_'.")]
    public async Task CreateDialog_InvalidName_ShowsTheRuleAndCreatesNothing(string culture, string expected)
    {
        using var scope = new CultureScope(culture);
        var (user, _) = await OpenUserAsync("a@example.com");
        var (dialog, _) = await OpenDialogAsync<CreateProjectDialog>();

        dialog.Find("#project-name").Input("has space");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal(expected, dialog.Find("#dialog-error").TextContent));
        Assert.Empty(await Get<ProjectService>().ListAsync(user, user.UserId, Ct));
    }

    [Fact]
    public async Task List_SearchOnEnter_FiltersByNameAndSaysWhenNothingMatches()
    {
        using var scope = new CultureScope("en");
        var (user, _) = await OpenUserAsync("a@example.com");
        await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<ProjectService>().CreateAsync(user, "blog", cancellationToken: Ct);
        RenderPopovers();
        var page = Render<ProjectList>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("a.project-link").Count));

        page.Find("#project-search").Input("SHO");
        page.Find("#project-search").KeyUp("Enter");
        page.WaitForAssertion(() => Assert.Equal(["shop"], page.FindAll("a.project-link").Select(a => a.TextContent)));

        page.Find("#project-search").Input("none");
        page.Find("#project-search").KeyUp("Enter");
        page.WaitForAssertion(() => Assert.Equal("No project matches “none”.", page.Find("#projects-no-match .empty-state-title").TextContent));
    }

    [Fact]
    public async Task List_ProjectCreatedAndBoundElsewhere_AppearsLiveWithItsCount()
    {
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        RenderPopovers();
        var page = Render<ProjectList>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#projects-empty")));

        var project = await Get<ProjectService>().CreateAsync(user, "elsewhere", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, project.Id, "kv", Ct);

        page.WaitForAssertion(() => Assert.Equal("elsewhere", page.Find("a.project-link").TextContent));
        page.WaitForAssertion(() => Assert.Equal("1", page.FindAll("#project-grid tbody td")[1].TextContent.Trim()));
    }

    [Fact]
    public async Task List_AnotherUsersProjects_AreNotListed()
    {
        var (alice, _) = await OpenUserAsync("alice@example.com");
        await Get<ProjectService>().CreateAsync(alice, "alices", cancellationToken: Ct);
        await OpenUserAsync("bob@example.com");
        RenderPopovers();

        var page = Render<ProjectList>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#projects-empty")));
        Assert.DoesNotContain("alices", page.Markup);
    }

    [Fact]
    public async Task Detail_Project_ShowsBreadcrumbsMenuAndBoundNamespaces()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, project.Id, "my_kv", Ct);
        RenderPopovers();

        var page = Render<ProjectDetail>(p => p.Add(c => c.ProjectId, project.Id));

        page.WaitForAssertion(() => Assert.Contains("sessions", page.Find("#binding-grid").TextContent));
        Assert.Equal("shop", page.Find("#project-name").TextContent);
        var crumbs = page.Find(".page-breadcrumbs");
        Assert.Equal("projects", crumbs.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("项目", crumbs.TextContent);
        Assert.Contains("KV 存储", page.Find("#project-menu-kv").TextContent);
    }

    [Fact]
    public async Task Detail_LongName_IsTheTitleWithItsTooltip()
    {
        var (user, _) = await OpenUserAsync("a@example.com");
        var name = new string('p', 64);
        var project = await Get<ProjectService>().CreateAsync(user, name, cancellationToken: Ct);
        RenderPopovers();

        var page = Render<ProjectDetail>(p => p.Add(c => c.ProjectId, project.Id));

        // PageHeader cuts the title with an ellipsis (its CSS) and holds the whole name in the tooltip around it.
        page.WaitForAssertion(() => Assert.Equal(name, page.Find("#project-name").TextContent));
        Assert.Contains("page-title", page.Find("#project-name").ClassList);
        Assert.NotNull(page.Find("#project-name").Closest(".page-title-box"));
    }

    [Fact]
    public async Task Detail_RenamedElsewhere_ShowsTheNewNameLive()
    {
        var (user, _) = await OpenUserAsync("a@example.com");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        RenderPopovers();
        var page = Render<ProjectDetail>(p => p.Add(c => c.ProjectId, project.Id));
        page.WaitForAssertion(() => Assert.Equal("shop", page.Find("#project-name").TextContent));

        await Get<ProjectService>().RenameAsync(user, project.Id, "store", Ct);

        page.WaitForAssertion(() => Assert.Equal("store", page.Find("#project-name").TextContent));
    }

    [Fact]
    public async Task Delete_Confirmed_DeletesTheProjectAndGoesBackToTheList()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "sessions");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<BindingService>().BindAsync(user, namespaces[0].Id, project.Id, "my_kv", Ct);
        var dialogs = Render<MudDialogProvider>();
        RenderPopovers();
        var page = Render<ProjectDetail>(p => p.Add(c => c.ProjectId, project.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#delete-project")));

        page.Find("#delete-project").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定删除项目 shop", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "删除").Click();

        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/projects", navigation.Uri, StringComparison.Ordinal));
        Assert.Empty(await Get<ProjectService>().ListAsync(user, user.UserId, Ct));
        Assert.Empty(await Get<BindingService>().ListForNamespaceAsync(user, namespaces[0].Id, Ct));
    }
}
