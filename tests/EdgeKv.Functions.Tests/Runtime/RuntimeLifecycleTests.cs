using System.Diagnostics;
using System.Net;
using EdgeKv.Functions.Tests.Support;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>The process model: a runaway stopped by the wall-time limit, a crash restarted, routing and methods.</summary>
public sealed class RuntimeLifecycleTests(FunctionsServer server)
{
    private static CancellationToken Ct => FunctionsServer.Ct;

    [Fact]
    public void WallTime_Default_IsThirtySeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new FunctionsOptions().WallTime);
        Assert.Equal(
            "The function did not answer within the wall-time limit of 30 s; its runtime was stopped.",
            FunctionLimits.WallTimeExceeded(FunctionLimits.DefaultWallTime));
    }

    [Fact]
    public async Task InfiniteLoop_StoppedByTheWallTimeLimit_NextRequestServed()
    {
        // Arrange
        var (owner, token) = await server.CreateOwnerAsync("loop");
        var (project, _) = await server.CreateProjectAsync(owner);
        (await server.DeployAsync(token, project.Id, new Dictionary<string, string>
        {
            ["loop.js"] = "export function onRequest() { for (;;) {} }",
            ["index.js"] = "export function onRequest() { return new Response(\"alive\"); }",
        })).Dispose();
        using var client = server.CreateClient();
        Assert.Equal("alive", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
        var clock = Stopwatch.StartNew();

        // Act
        using var runaway = await client.GetAsync($"/functions/{project.Id}/loop", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.GatewayTimeout, runaway.StatusCode);
        Assert.Equal(FunctionLimits.WallTimeExceeded(FunctionsServer.WallTime), await runaway.Content.ReadAsStringAsync(Ct));
        Assert.InRange(clock.Elapsed, FunctionsServer.WallTime, FunctionsServer.WallTime + TimeSpan.FromSeconds(10));
        Assert.Equal("alive", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
        var logged = await server.WaitForLogAsync(owner, project.Id, e => e.Message == FunctionLimits.WallTimeExceeded(FunctionsServer.WallTime));
        Assert.Equal("/loop", logged.Path);
    }

    [Fact]
    public async Task ProcessExits_RequestGets502_NextRequestRestartsIt()
    {
        var (project, _) = await server.DeployedProjectAsync(new Dictionary<string, string>
        {
            ["crash.js"] = "export function onRequest() { Deno.exit(3); }",
            ["index.js"] = "export function onRequest() { return new Response(\"alive\"); }",
        });
        using var client = server.CreateClient();

        using var crashed = await client.GetAsync($"/functions/{project.Id}/crash", Ct);

        Assert.Equal(HttpStatusCode.BadGateway, crashed.StatusCode);
        Assert.Equal(FunctionLimits.RuntimeFailed, await crashed.Content.ReadAsStringAsync(Ct));
        Assert.Equal("alive", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
    }

    [Fact]
    public async Task Routing_FilesParamsAndMethods_AsEdgeOneRoutes()
    {
        // Arrange
        var (project, _) = await server.DeployedProjectAsync(new Dictionary<string, string>
        {
            ["index.js"] = "export function onRequest() { return new Response(\"index\"); }",
            ["hello.js"] = "export function onRequestGet({ request }) { return new Response(\"hello \" + new URL(request.url).searchParams.get(\"to\")); }",
            ["api/users/[id].js"] = "export function onRequest({ params }) { return new Response(\"user \" + params.id); }",
            ["echo.js"] = "export async function onRequestPost({ request }) { return new Response(await request.text(), { status: 201, headers: { \"x-echo\": request.headers.get(\"x-test\") } }); }",
            ["[[default]].js"] = "export function onRequest({ params }) { return new Response(\"rest \" + params.default.join(\"/\")); }",
        });
        using var client = server.CreateClient();
        var root = $"/functions/{project.Id}";

        // Act + Assert
        Assert.Equal("index", await client.GetStringAsync(root, Ct));
        Assert.Equal("index", await client.GetStringAsync(root + "/", Ct));
        Assert.Equal("hello ann", await client.GetStringAsync(root + "/hello?to=ann", Ct));
        Assert.Equal("user 42", await client.GetStringAsync(root + "/api/users/42", Ct));
        Assert.Equal("rest a/b/c", await client.GetStringAsync(root + "/a/b/c", Ct));
        using var post = new HttpRequestMessage(HttpMethod.Post, root + "/echo") { Content = new StringContent("body text") };
        post.Headers.Add("x-test", "header value");
        using var posted = await client.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("body text", await posted.Content.ReadAsStringAsync(Ct));
        Assert.Equal("header value", posted.Headers.GetValues("x-echo").Single());
        using var wrongMethod = await client.PostAsync(root + "/hello", new StringContent(""), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Fact]
    public async Task ManyRequestsInFlight_EachGetsItsOwnResponse()
    {
        // Arrange: as many requests at once as a project answers, bodies from empty to past the runtime's 64 KiB read,
        // so frames travel both alone and batched, whole and split across reads.
        var (project, _) = await server.DeployedProjectAsync(new Dictionary<string, string>
        {
            ["echo.js"] = "export async function onRequestPost({ request }) { const n = new URL(request.url).searchParams.get(\"n\"); return new Response(n + \":\" + await request.text()); }",
        });
        using var client = server.CreateClient();
        static string BodyOf(int n) => new((char)('a' + n % 26), n * 997 % 150_000);

        // Act
        var answers = await Task.WhenAll(Enumerable.Range(0, FunctionsServer.MaxConcurrentRequests).Select(async worker =>
        {
            var mismatches = new List<int>();
            for (var n = worker; n < 160; n += FunctionsServer.MaxConcurrentRequests)
            {
                using var response = await client.PostAsync($"/functions/{project.Id}/echo?n={n}", new StringContent(BodyOf(n)), Ct);
                if (response.StatusCode != HttpStatusCode.OK || await response.Content.ReadAsStringAsync(Ct) != n + ":" + BodyOf(n))
                {
                    mismatches.Add(n);
                }
            }

            return mismatches;
        })).WaitAsync(TimeSpan.FromSeconds(120), Ct);

        // Assert
        Assert.Empty(answers.SelectMany(mismatches => mismatches));
    }

    [Fact]
    public async Task ResponseHeaders_RepeatedSetCookieStaysApart_OthersCombined()
    {
        var (project, _) = await server.DeployedProjectAsync(new Dictionary<string, string>
        {
            ["index.js"] = "export function onRequest() { const headers = new Headers([[\"Set-Cookie\", \"a=1\"], [\"Set-Cookie\", \"b=2\"], [\"X-Tag\", \"one\"], [\"X-Tag\", \"two\"]]); return new Response(\"ok\", { headers }); }",
        });
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/functions/{project.Id}/", Ct);

        Assert.Equal(["a=1", "b=2"], response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("one, two", string.Join(", ", response.Headers.GetValues("X-Tag")));
    }

    [Fact]
    public async Task NoRouteOrNothingDeployed_Is404()
    {
        var (project, _) = await server.DeployedProjectAsync(new Dictionary<string, string>
        {
            ["hello.js"] = "export function onRequest() { return new Response(\"hello\"); }",
        });
        using var client = server.CreateClient();

        using var noRoute = await client.GetAsync($"/functions/{project.Id}/other", Ct);
        using var noProject = await client.GetAsync("/functions/999999/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, noRoute.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noProject.StatusCode);
    }

    [Fact]
    public async Task Redeploy_NextRequestRunsTheNewCode()
    {
        var (owner, token) = await server.CreateOwnerAsync("redeploy");
        var (project, _) = await server.CreateProjectAsync(owner);
        using var client = server.CreateClient();
        (await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = "export const onRequest = () => new Response(\"v1\");" })).Dispose();
        Assert.Equal("v1", await client.GetStringAsync($"/functions/{project.Id}/", Ct));

        (await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = "export const onRequest = () => new Response(\"v2\");" })).Dispose();

        Assert.Equal("v2", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
    }
}
