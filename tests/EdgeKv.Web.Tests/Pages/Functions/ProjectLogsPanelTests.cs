using System.Text;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Projects;
using EdgeKv.Functions.Hosting;
using EdgeKv.Testing.Repository;
using EdgeKv.Web.Components.Pages.Projects.Functions;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeKv.Web.Tests.Pages.Functions;

/// <summary>
/// The 日志 panel over the real domain and the real functions runtime (Deno 2.9.6 from src/EdgeKv.Functions): a line a
/// function writes while the panel is open appears in it, in the console's language, coloured by level.
/// </summary>
public sealed class ProjectLogsPanelTests : ConsolePageContext
{
    private readonly TempDataFolder _functions = new();

    public ProjectLogsPanelTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EdgeKv:Functions:DenoPath"] = DenoRuntime.Path(),
            ["EdgeKv:Functions:WorkDirectory"] = _functions.File("work"),
        }).Build();
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = RepositoryRoot.Path });
        Services.AddEdgeKvFunctions(configuration);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Panel_AFunctionLogsWhileOpen_TheLinesAppearLiveWithTheirLevelAndPath()
    {
        // Arrange
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("ann@example.com");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        await Get<DeploymentService>().DeployAsync(user, project.Id, new Dictionary<string, string>
        {
            ["hello.js"] = "export function onRequest() { console.log(\"hello from the function\"); console.error(\"it went wrong\"); return new Response(\"ok\"); }",
        }, Ct);
        var panel = Render<ProjectLogsPanel>(p => p.Add(c => c.ProjectId, project.Id));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("#logs-empty")));

        // Act
        Assert.Equal("ok", await InvokeAsync(project.Id, "hello"));

        // Assert
        panel.WaitForAssertion(() => Assert.Contains("hello from the function", panel.Find("#project-logs").TextContent), TimeSpan.FromSeconds(30));
        panel.WaitForAssertion(() => Assert.Contains("it went wrong", panel.Find("#project-logs").TextContent), TimeSpan.FromSeconds(30));
        var info = panel.FindAll(".log-line").Single(l => l.TextContent.Contains("hello from the function", StringComparison.Ordinal));
        Assert.Equal("信息", info.QuerySelector(".log-level")!.TextContent);
        Assert.Contains("log-level-info", info.QuerySelector(".log-level")!.ClassName, StringComparison.Ordinal);
        Assert.Equal("/hello", info.QuerySelector(".log-path")!.TextContent);
        var error = panel.FindAll(".log-line").Single(l => l.TextContent.Contains("it went wrong", StringComparison.Ordinal));
        Assert.Equal("错误", error.QuerySelector(".log-level")!.TextContent);
        Assert.Contains("log-level-error", error.QuerySelector(".log-level")!.ClassName, StringComparison.Ordinal);
        Assert.Equal("日志", panel.Find("h2").TextContent);
    }

    [Fact]
    public async Task Panel_LinesAnEarlierHostWrote_ShownFromTheDatabaseInTheConsolesLanguage()
    {
        // Arrange: another host on the same admin database (this one before a restart, or another node) wrote them.
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("ann@example.com");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        var store = Get<ProjectLogStore>();
        var earlier = new ProjectLogBook(TimeProvider.System, store);
        earlier.Write(project.Id, ProjectLogLevel.Warning, "from before the restart", "/old");
        earlier.Write(project.Id, ProjectLogLevel.Info, new HostLogLine(ProjectLogCodes.RuntimeStarted, ["5"], "Runtime started (deployment #5)."));
        await new ProjectLogWriter(earlier, store, TimeProvider.System, NullLogger<ProjectLogWriter>.Instance).FlushAsync(Ct);

        // Act
        var panel = Render<ProjectLogsPanel>(p => p.Add(c => c.ProjectId, project.Id));

        // Assert
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".log-line").Count), TimeSpan.FromSeconds(30));
        var old = panel.FindAll(".log-line").Single(l => l.TextContent.Contains("from before the restart", StringComparison.Ordinal));
        Assert.Equal("/old", old.QuerySelector(".log-path")!.TextContent);
        Assert.Contains(panel.FindAll(".log-line"), l => l.TextContent.Contains("运行时已启动（部署 #5）。", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-Hans", "运行时已启动（部署 #{0}）。")]
    [InlineData("en", "Runtime started (deployment #{0}).")]
    public async Task Panel_TheHostsOwnLines_InTheConsolesLanguage_TheFunctionsAsWritten(string culture, string started)
    {
        // Arrange
        using var scope = new CultureScope(culture);
        var (user, _) = await OpenUserAsync("ann@example.com");
        var project = await Get<ProjectService>().CreateAsync(user, "shop", cancellationToken: Ct);
        var deployment = await Get<DeploymentService>().DeployAsync(user, project.Id, new Dictionary<string, string>
        {
            ["index.js"] = "export function onRequest() { console.log(\"written by the function\"); return new Response(\"ok\"); }",
        }, Ct);
        var panel = Render<ProjectLogsPanel>(p => p.Add(c => c.ProjectId, project.Id));

        // Act
        Assert.Equal("ok", await InvokeAsync(project.Id, ""));

        // Assert
        var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, started, deployment.Id);
        panel.WaitForAssertion(() => Assert.Contains("written by the function", panel.Find("#project-logs").TextContent), TimeSpan.FromSeconds(30));
        Assert.Contains(panel.FindAll(".log-message"), message => message.TextContent == expected);
        Assert.DoesNotContain("runtime_started", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_AnotherUsersProject_NotFoundAndNoLines()
    {
        var (owner, _) = await OpenUserAsync("ann@example.com");
        var project = await Get<ProjectService>().CreateAsync(owner, "shop", cancellationToken: Ct);
        await Get<DeploymentService>().DeployAsync(owner, project.Id, new Dictionary<string, string>
        {
            ["index.js"] = "export function onRequest() { console.log(\"ann's private line\"); return new Response(\"ok\"); }",
        }, Ct);
        Assert.Equal("ok", await InvokeAsync(project.Id, ""));
        await OpenUserAsync("bob@example.com");

        var panel = Render<ProjectLogsPanel>(p => p.Add(c => c.ProjectId, project.Id));

        panel.WaitForAssertion(() => Assert.Equal("Project not found.", panel.Find("#logs-error").TextContent));
        Assert.DoesNotContain("private line", panel.Markup, StringComparison.Ordinal);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _functions.Dispose();
    }

    // A request through the real gateway (the same code /functions/{projectId}/ runs), without a listener.
    private async Task<string> InvokeAsync(int projectId, string path)
    {
        await using var scope = Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1");
        var body = new MemoryStream();
        context.Response.Body = body;
        await FunctionGateway.HandleAsync(context, projectId, path);
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
