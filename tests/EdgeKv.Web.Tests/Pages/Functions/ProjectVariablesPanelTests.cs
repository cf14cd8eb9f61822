using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Variables;
using EdgeKv.Web.Components.Pages.Projects.Functions;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages.Functions;

/// <summary>The 环境变量 panel: add, edit, delete, secrets masked and never read back, the rules answered in the form.</summary>
public sealed class ProjectVariablesPanelTests : ConsolePageContext
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_PlainAndSecret_ListedTheSecretMasked()
    {
        // Arrange
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("ann@example.com");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        RenderPopovers();
        var panel = Render<ProjectVariablesPanel>(p => p.Add(c => c.ProjectId, project.Id));
        panel.WaitForAssertion(() => Assert.Contains("暂无环境变量。", panel.Find("#variables-empty").TextContent));

        // Act
        Add(panel, "GREETING", "hello", secret: false);
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".variable-name[data-name='GREETING']")));
        Add(panel, "API_KEY", "s3cret-value", secret: true);

        // Assert
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".variable-name[data-name='API_KEY']")));
        Assert.Equal("环境变量", panel.Find("h2").TextContent);
        Assert.Contains("hello", panel.Find("#variable-grid").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", panel.Markup, StringComparison.Ordinal);
        Assert.Equal("••••••", panel.Find(".masked").TextContent);
        Assert.Equal("密钥", panel.Find(".secret-chip").TextContent.Trim());
        Assert.Equal("2 / 64 个变量", panel.Find("#variable-count").TextContent);
        var stored = await Get<ProjectVariableService>().ValuesForRuntimeAsync(project.Id, Ct);
        Assert.Equal("s3cret-value", stored["API_KEY"]);
    }

    [Fact]
    public async Task Add_InvalidName_TheRuleAnswersInTheFormAndNothingIsAdded()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("ann@example.com");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        RenderPopovers();
        var panel = Render<ProjectVariablesPanel>(p => p.Add(c => c.ProjectId, project.Id));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("#add-variable")));

        Add(panel, "1ST-NAME", "v", secret: false);

        panel.WaitForAssertion(() => Assert.Contains("变量名为 1 到 64 个字母、数字或下划线，且不能以数字开头。", panel.Find("#variable-form").TextContent));
        Assert.Empty(await Get<ProjectVariableService>().ListAsync(user, project.Id, Ct));
    }

    [Fact]
    public async Task EditSecret_ValueLeftEmpty_KeepsIt_DeleteRemovesIt()
    {
        var (user, _) = await OpenUserAsync("ann@example.com");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        var variables = Get<ProjectVariableService>();
        await variables.AddAsync(user, project.Id, "API_KEY", "s3cret-value", true, Ct);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        RenderPopovers();
        var panel = Render<ProjectVariablesPanel>(p => p.Add(c => c.ProjectId, project.Id));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".edit-variable")));

        // Edit: the secret's value is not in the form; saving with it empty keeps it.
        panel.Find(".edit-variable[data-name='API_KEY']").Click();
        Assert.Equal("", panel.Find("#variable-value").GetAttribute("value") ?? "");
        Assert.DoesNotContain("s3cret-value", panel.Markup, StringComparison.Ordinal);
        panel.Find("#save-variable").Click();
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("#variable-form")));
        Assert.Equal("s3cret-value", (await variables.ValuesForRuntimeAsync(project.Id, Ct))["API_KEY"]);

        // Delete, after confirming.
        panel.Find(".delete-variable[data-name='API_KEY']").Click();
        dialogs.WaitForElements(".mud-dialog-actions button").Last().Click();
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("#variables-empty")));
        Assert.Empty(await variables.ValuesForRuntimeAsync(project.Id, Ct));
    }

    [Fact]
    public async Task Panel_AnotherUsersProject_NotFound()
    {
        var (owner, _) = await OpenUserAsync("ann@example.com");
        var project = await Get<ProjectService>().CreateAsync(owner, "shop", cancellationToken: Ct);
        await Get<ProjectVariableService>().AddAsync(owner, project.Id, "GREETING", "ann's value", false, Ct);
        await OpenUserAsync("bob@example.com");

        var panel = Render<ProjectVariablesPanel>(p => p.Add(c => c.ProjectId, project.Id));

        panel.WaitForAssertion(() => Assert.Equal("Project not found.", panel.Find("#variables-error").TextContent));
        Assert.DoesNotContain("ann's value", panel.Markup, StringComparison.Ordinal);
    }

    private static void Add(IRenderedComponent<ProjectVariablesPanel> panel, string name, string value, bool secret)
    {
        panel.Find("#add-variable").Click();
        panel.Find("#variable-name").Change(name);
        panel.Find("#variable-value").Change(value);
        if (secret)
        {
            panel.Find("#variable-secret").Change(true);
        }

        panel.Find("#save-variable").Click();
    }
}
