using EdgeKv.Domain.Deployments;
using EdgeKv.Web.Components.Pages.Projects.Functions;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Pages.Functions;

/// <summary>部署记录: newest first with who, when and how many files, the active one marked; 回滚 after confirming; live.</summary>
public sealed class DeploymentHistoryTests : ProjectFunctionsContext
{
    [Fact]
    public async Task History_TwoDeployments_NewestFirstWithTheActiveMarked()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, project) = await UserWithProjectAsync();
        var first = await DeployAsync(user, project.Id, Answering("one"));
        var second = await DeployAsync(user, project.Id, new Dictionary<string, string> { ["index.js"] = FunctionDraft.NewFileSource, ["b.js"] = FunctionDraft.NewFileSource });

        var history = Render<DeploymentHistory>(p => p.Add(x => x.ProjectId, project.Id));

        history.WaitForAssertion(() => Assert.Equal(2, history.FindAll("#deployment-grid tbody tr").Count));
        var rows = history.FindAll("#deployment-grid tbody tr");
        Assert.Equal([second.Id.ToString(), first.Id.ToString()], rows.Select(r => r.QuerySelector(".deployment-id")!.GetAttribute("data-deployment")));
        Assert.Equal("当前生效", rows[0].QuerySelector(".active-deployment")!.TextContent.Trim());
        Assert.Null(rows[1].QuerySelector(".active-deployment"));
        Assert.Contains("a@example.com", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("2", rows[0].QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Null(rows[0].QuerySelector("button.rollback"));
        Assert.NotNull(rows[1].QuerySelector("button.rollback"));
    }

    [Fact]
    public async Task Rollback_Confirmed_TheEarlierDeploymentBecomesActive()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, project) = await UserWithProjectAsync();
        var first = await DeployAsync(user, project.Id, Answering("one"));
        await DeployAsync(user, project.Id, Answering("two"));
        var dialogs = Render<MudDialogProvider>();
        var history = Render<DeploymentHistory>(p => p.Add(x => x.ProjectId, project.Id));
        history.WaitForAssertion(() => Assert.NotEmpty(history.FindAll("button.rollback")));

        history.Find($"button.rollback[data-deployment='{first.Id}']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains($"回滚到部署 #{first.Id}？", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "回滚").Click();

        history.WaitForAssertion(() => Assert.Equal(first.Id.ToString(), history.Find(".active-deployment").Closest(".deployment-id")!.GetAttribute("data-deployment")));
        Assert.Equal(first.Id, await Get<DeploymentService>().ActiveIdAsync(project.Id, Ct));
    }

    [Fact]
    public async Task Rollback_Cancelled_NothingChanges()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, project) = await UserWithProjectAsync();
        var first = await DeployAsync(user, project.Id, Answering("one"));
        var second = await DeployAsync(user, project.Id, Answering("two"));
        var dialogs = Render<MudDialogProvider>();
        var history = Render<DeploymentHistory>(p => p.Add(x => x.ProjectId, project.Id));
        history.WaitForAssertion(() => Assert.NotEmpty(history.FindAll("button.rollback")));

        history.Find($"button.rollback[data-deployment='{first.Id}']").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog button")));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "取消").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Equal(second.Id, await Get<DeploymentService>().ActiveIdAsync(project.Id, Ct));
    }

    [Fact]
    public async Task History_DeployElsewhere_ShowsLive()
    {
        using var scope = new CultureScope("en");
        var (user, project) = await UserWithProjectAsync();
        var history = Render<DeploymentHistory>(p => p.Add(x => x.ProjectId, project.Id));
        history.WaitForAssertion(() => Assert.Contains("No deployments yet.", history.Find("#deployments-empty").TextContent, StringComparison.Ordinal));

        var deployed = await DeployAsync(user, project.Id, Answering("api"));

        history.WaitForAssertion(() => Assert.Equal(deployed.Id.ToString(), history.Find(".deployment-id").GetAttribute("data-deployment")), TimeSpan.FromSeconds(10));
        Assert.Equal("Active", history.Find(".active-deployment").TextContent.Trim());
    }
}
