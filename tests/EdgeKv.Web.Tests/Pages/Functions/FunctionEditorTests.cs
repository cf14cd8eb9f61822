using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Components.Pages.Projects;
using EdgeKv.Web.Components.Pages.Projects.Functions;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Pages.Functions;

/// <summary>The project page's 函数 section: the menu, the files (starter or deployed), file operations, save and deploy.</summary>
public sealed class FunctionEditorTests : ProjectFunctionsContext
{
    [Theory]
    [InlineData("zh-Hans", "函数", "KV 存储", "尚未部署：可编辑并部署示例 index.js。", "暂无部署记录。")]
    [InlineData("en", "Functions", "KV Storage", "Not deployed yet: a starter index.js to edit and deploy.", "No deployments yet.")]
    public async Task ProjectPage_FunctionsSection_MenuStarterFileEditorAndEmptyHistory(string culture, string functions, string kv, string state, string empty)
    {
        using var scope = new CultureScope(culture);
        var (_, project) = await UserWithProjectAsync();
        RenderPopovers();

        var page = Render<ProjectDetail>(p => p.Add(x => x.ProjectId, project.Id).Add(x => x.Section, "functions"));

        page.WaitForAssertion(() => Assert.Equal(state, page.Find("#draft-state").TextContent));
        Assert.Equal(functions, page.Find("#project-menu-functions").TextContent.Trim());
        Assert.Equal($"projects/{project.Id}/functions", page.Find("#project-menu-functions").GetAttribute("href"));
        Assert.Equal(kv, page.Find("#project-menu-kv").TextContent.Trim());
        Assert.Equal($"projects/{project.Id}", page.Find("#project-menu-kv").GetAttribute("href"));
        Assert.Equal(["index.js"], page.FindAll(".function-file").Select(b => b.GetAttribute("data-path")));
        Assert.NotNull(page.Find("#function-editor"));
        page.WaitForAssertion(() => Assert.Contains(empty, page.Find("#deployments-empty").TextContent));
        Assert.NotNull(page.Find("#invoke-card"));
        Assert.Empty(page.FindAll("#binding-grid"));
    }

    [Fact]
    public async Task ProjectPage_UnknownSection_SaysNotFoundAndKeepsTheMenu()
    {
        using var scope = new CultureScope("zh-Hans");
        var (_, project) = await UserWithProjectAsync();

        var page = Render<ProjectDetail>(p => p.Add(x => x.ProjectId, project.Id).Add(x => x.Section, "nothing"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#section-not-found")));
        Assert.NotNull(page.Find("#project-menu-functions"));
    }

    [Fact]
    public async Task Editor_ActiveDeployment_ListsItsFiles()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, project) = await UserWithProjectAsync();
        var deployed = await DeployAsync(user, project.Id, new Dictionary<string, string> { ["index.js"] = FunctionDraft.NewFileSource, ["api/[id].js"] = FunctionDraft.NewFileSource });

        var editor = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));

        editor.WaitForAssertion(() => Assert.Equal($"正在显示部署 #{deployed.Id}。", editor.Find("#draft-state").TextContent));
        Assert.Equal(["api/[id].js", "index.js"], editor.FindAll(".function-file").Select(b => b.GetAttribute("data-path")));
    }

    [Theory]
    [InlineData("zh-Hans", "../escape.js", "“../escape.js”不是 functions/ 下以 .js 或 .ts 结尾的路径。")]
    [InlineData("zh-Hans", "readme.md", "“readme.md”不是 functions/ 下以 .js 或 .ts 结尾的路径。")]
    [InlineData("zh-Hans", "index.js", "已存在名为 index.js 的文件。")]
    [InlineData("en", "a//b.js", "'a//b.js' is not a path under functions/ ending in .js or .ts.")]
    public async Task NewFile_BadPath_ShowsWhyAndAddsNothing(string culture, string path, string expected)
    {
        using var scope = new CultureScope(culture);
        var (_, project) = await UserWithProjectAsync();
        var dialogs = Render<MudDialogProvider>();
        var editor = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll(".function-file")));

        editor.Find("#new-file").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#function-file-name")));
        dialogs.Find("#function-file-name").Input(path);
        dialogs.Find("#dialog-submit").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(expected, dialogs.Find("#dialog-error").TextContent));
        Assert.Equal(["index.js"], editor.FindAll(".function-file").Select(b => b.GetAttribute("data-path")));
    }

    [Fact]
    public async Task FileOperations_NewRenameDelete_ThenDeploy_TheDeploymentHoldsTheDraftsFiles()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, project) = await UserWithProjectAsync();
        var dialogs = Render<MudDialogProvider>();
        var editor = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll(".function-file")));

        AddFile(editor, dialogs, "hello.js");
        AddFile(editor, dialogs, "scratch.js");
        editor.Find(".function-file[data-path='hello.js']").Click();
        editor.Find("#rename-file").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("hello.js", dialogs.Find("#function-file-name").GetAttribute("value")));
        dialogs.Find("#function-file-name").Input("api/users/[id].js");
        dialogs.Find("#dialog-submit").Click();
        editor.WaitForAssertion(() => Assert.Equal("api/users/[id].js", editor.Find(".function-file.selected").GetAttribute("data-path")));
        editor.Find(".function-file[data-path='scratch.js']").Click();
        editor.Find("#delete-file").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog button")));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "删除").Click();
        editor.WaitForAssertion(() => Assert.Equal(["api/users/[id].js", "index.js"], editor.FindAll(".function-file").Select(b => b.GetAttribute("data-path"))));

        editor.Find("#deploy-functions").Click();

        var deployments = Get<DeploymentService>();
        editor.WaitForAssertion(() => Assert.StartsWith("正在显示部署 #", editor.Find("#draft-state").TextContent, StringComparison.Ordinal));
        var active = (await deployments.ListAsync(user, project.Id, Ct)).Single(d => d.IsActive);
        var files = await deployments.FilesAsync(user, project.Id, active.Id, Ct);
        Assert.Equal(["api/users/[id].js", "index.js"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(FunctionDraft.StarterSource, files["index.js"]);
        Assert.Empty(editor.FindAll("#deploy-error"));
    }

    [Fact]
    public async Task Deploy_Refused_ShowsTheReasonAndKeepsTheDraft()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, project) = await UserWithProjectAsync();
        var dialogs = Render<MudDialogProvider>();
        var editor = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll(".function-file")));
        AddFile(editor, dialogs, "hello.js");

        // The project goes while the page is open (deleted in another tab): the deploy is refused.
        await Get<ProjectService>().DeleteAsync(user, project.Id, Ct);
        editor.Find("#deploy-functions").Click();

        editor.WaitForAssertion(() => Assert.Equal("未找到项目。", editor.Find("#deploy-error").TextContent));
        Assert.Equal(["hello.js", "index.js"], editor.FindAll(".function-file").Select(b => b.GetAttribute("data-path")));
        Assert.Equal("尚未部署：可编辑并部署示例 index.js。", editor.Find("#draft-state").TextContent);
    }

    /// <summary>
    /// Top-level code that goes over the memory limit while it loads (typed arrays, outside V8's heap): the real runtime
    /// refuses it, and the console says so in its language — the host's sentence, by its code — keeping the draft.
    /// </summary>
    [Theory]
    [InlineData("zh-Hans", "函数加载时使用的内存超过了 128 MiB 的上限，未部署。")]
    [InlineData("en", "The functions used more than the memory limit of 128 MiB while loading, so they were not deployed.")]
    public async Task Deploy_TopLevelCodeOverTheMemoryLimit_RefusedInTheConsolesLanguage(string culture, string expected)
    {
        using var scope = new CultureScope(culture);
        var (user, project) = await UserWithProjectAsync();
        var draft = FunctionDraft.Starter();
        draft.Files["index.js"] = "const keep = [];\nfor (;;) keep.push(new Uint8Array(8 << 20).fill(1));\nexport const onRequest = () => new Response(\"never\");";
        Get<FunctionDrafts>().Keep(project.Id, draft);
        var editor = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll(".function-file")));

        editor.Find("#deploy-functions").Click();

        editor.WaitForAssertion(() => Assert.Equal(expected, editor.Find("#deploy-error").TextContent), TimeSpan.FromSeconds(30));
        Assert.Empty(await Get<DeploymentService>().ListAsync(user, project.Id, Ct));
    }

    [Fact]
    public async Task Draft_LeavingAndComingBack_KeepsTheFilesInThisTab()
    {
        using var scope = new CultureScope("zh-Hans");
        var (_, project) = await UserWithProjectAsync();
        var dialogs = Render<MudDialogProvider>();
        var first = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));
        first.WaitForAssertion(() => Assert.NotEmpty(first.FindAll(".function-file")));
        AddFile(first, dialogs, "kept.js");
        first.Find("#save-draft").Click();

        var second = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));

        second.WaitForAssertion(() => Assert.Equal(["index.js", "kept.js"], second.FindAll(".function-file").Select(b => b.GetAttribute("data-path"))));
    }

    [Fact]
    public async Task Editor_AnotherUsersProject_NotFoundAndNoFiles()
    {
        using var scope = new CultureScope("zh-Hans");
        var owner = await CreateUserAsync("owner@example.com");
        var project = await Get<ProjectService>().CreateAsync(owner, "private", cancellationToken: Ct);
        await DeployAsync(owner, project.Id, Answering("secret"));
        await UserWithProjectAsync("b@example.com");

        var editor = Render<FunctionEditor>(p => p.Add(x => x.ProjectId, project.Id));

        editor.WaitForAssertion(() => Assert.Equal("未找到项目。", editor.Find("#functions-error").TextContent));
        Assert.Empty(editor.FindAll(".function-file"));
        Assert.DoesNotContain("secret", editor.Markup, StringComparison.Ordinal);
    }

    private static void AddFile(IRenderedComponent<FunctionEditor> editor, IRenderedComponent<MudDialogProvider> dialogs, string path)
    {
        editor.Find("#new-file").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("#function-file-name")));
        dialogs.Find("#function-file-name").Input(path);
        dialogs.Find("#dialog-submit").Click();
        editor.WaitForAssertion(() => Assert.Equal(path, editor.Find(".function-file.selected").GetAttribute("data-path")));
    }
}
