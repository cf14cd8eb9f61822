using EdgeKv.Web.Components.Pages.Projects.Functions;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages.Functions;

/// <summary>测试函数: a request to the active deployment, run by the real Deno runtime, and what came back.</summary>
public sealed class TestInvokePanelTests : ProjectFunctionsContext
{
    private static readonly TimeSpan DenoStart = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string> Echo = new()
    {
        ["index.js"] = """
            export async function onRequest({ request }) {
                const url = new URL(request.url);
                const text = request.method + " " + url.pathname + url.search + " " + request.headers.get("x-who") + " " + await request.text();
                return new Response(text, { status: 201, headers: { "x-answer": "yes" } });
            }
            """,
        ["boom.js"] = "export function onRequest() { throw new Error(\"kaboom\"); }",
    };

    [Fact]
    public async Task Send_GetWithHeader_ShowsStatusHeadersBodyAndTime()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, project) = await UserWithProjectAsync();
        await DeployAsync(user, project.Id, Echo);
        var panel = Render<TestInvokePanel>(p => p.Add(x => x.ProjectId, project.Id));

        panel.Find("#invoke-path").Input("/?name=ann");
        panel.Find("#invoke-headers").Input("x-who: tester");
        panel.Find("#invoke-send").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("#invoke-result")), DenoStart);
        Assert.Equal("201", panel.Find("#invoke-status").TextContent.Trim());
        Assert.Equal("GET /?name=ann tester ", panel.Find("#invoke-response-body").TextContent);
        Assert.Contains("x-answer: yes", panel.Find("#invoke-response-headers").TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^\d+(\.\d)? 毫秒$", panel.Find("#invoke-time").TextContent);
    }

    [Fact]
    public async Task Send_Post_SendsTheBody()
    {
        using var scope = new CultureScope("en");
        var (user, project) = await UserWithProjectAsync();
        await DeployAsync(user, project.Id, Echo);
        var popovers = RenderPopovers();
        var panel = Render<TestInvokePanel>(p => p.Add(x => x.ProjectId, project.Id));

        panel.Find(".invoke-method .mud-input-control, .invoke-method").MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "POST").Click();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("#invoke-body")));
        panel.Find("#invoke-body").Input("hello body");
        panel.Find("#invoke-send").Click();

        panel.WaitForAssertion(() => Assert.Equal("POST / null hello body", panel.Find("#invoke-response-body").TextContent), DenoStart);
        Assert.Matches(@"^\d+(\.\d)? ms$", panel.Find("#invoke-time").TextContent);
    }

    [Fact]
    public async Task Send_FunctionThrows_ShowsTheServerErrorStatus()
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, project) = await UserWithProjectAsync();
        await DeployAsync(user, project.Id, Echo);
        var panel = Render<TestInvokePanel>(p => p.Add(x => x.ProjectId, project.Id));

        panel.Find("#invoke-path").Input("/boom");
        panel.Find("#invoke-send").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("#invoke-result")), DenoStart);
        Assert.Equal("500", panel.Find("#invoke-status").TextContent.Trim());
        Assert.Contains("kaboom", panel.Find("#invoke-response-body").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_NothingDeployed_SaysDeployFirst()
    {
        using var scope = new CultureScope("zh-Hans");
        var (_, project) = await UserWithProjectAsync();
        var panel = Render<TestInvokePanel>(p => p.Add(x => x.ProjectId, project.Id));

        panel.Find("#invoke-send").Click();

        panel.WaitForAssertion(() => Assert.Equal("请先部署：测试运行的是当前生效的部署。", panel.Find("#invoke-error").TextContent));
    }

    [Theory]
    [InlineData("x-ok: 1\nno colon here", "第 2 行不是有效的请求头（名称: 值）。")]
    [InlineData("bad name: 1", "第 1 行不是有效的请求头（名称: 值）。")]
    public async Task Send_BadHeaderLine_SaysWhichAndSendsNothing(string headers, string expected)
    {
        using var scope = new CultureScope("zh-Hans");
        var (user, project) = await UserWithProjectAsync();
        await DeployAsync(user, project.Id, Echo);
        var panel = Render<TestInvokePanel>(p => p.Add(x => x.ProjectId, project.Id));

        panel.Find("#invoke-headers").Input(headers);
        panel.Find("#invoke-send").Click();

        panel.WaitForAssertion(() => Assert.Equal(expected, panel.Find("#invoke-error").TextContent));
        Assert.Empty(panel.FindAll("#invoke-result"));
    }

    [Fact]
    public async Task Send_AnotherUsersProject_NotFound()
    {
        using var scope = new CultureScope("zh-Hans");
        var owner = await CreateUserAsync("owner@example.com");
        var project = await Get<EdgeKv.Domain.Projects.ProjectService>().CreateAsync(owner, "private", cancellationToken: Ct);
        await DeployAsync(owner, project.Id, Echo);
        await UserWithProjectAsync("b@example.com");
        var panel = Render<TestInvokePanel>(p => p.Add(x => x.ProjectId, project.Id));

        panel.Find("#invoke-send").Click();

        panel.WaitForAssertion(() => Assert.Equal("未找到项目。", panel.Find("#invoke-error").TextContent));
        Assert.Empty(panel.FindAll("#invoke-result"));
    }
}
