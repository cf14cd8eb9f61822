using System.Net;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Functions.Tests.Support;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>Each limit of <see cref="FunctionLimits"/> crossed by a real function: the caller's answer, the project's log, the next request.</summary>
public sealed class LimitTests(FunctionsServer server)
{
    private const string Alive = "export function onRequest() { return new Response(\"alive\"); }";

    private static CancellationToken Ct => FunctionsServer.Ct;

    [Fact]
    public void Limits_Defaults()
    {
        var options = new FunctionsOptions();

        Assert.Equal(128, options.MemoryMegabytes);
        Assert.Equal(64, options.MaxConcurrentRequests);
        Assert.Equal("The function used more than the memory limit of 128 MiB; its runtime was stopped.", FunctionLimits.MemoryExceeded(128));
        Assert.Equal("The function is already answering 64 requests, its limit; try again shortly.", FunctionLimits.TooManyConcurrentRequests(64));
    }

    /// <summary>
    /// Two ways past the memory limit: V8's heap (its own flag stops it) and typed arrays, which live outside the heap, so
    /// only the watchdog of the process's resident memory stops them (each is written: untouched pages are never
    /// resident). Either way the process is stopped well before the wall time (which would answer 504).
    /// </summary>
    [Theory]
    [InlineData("export function onRequest() { const a = []; for (;;) a.push(new Array(1000000).fill(0)); }")]
    [InlineData("const kept = []; export function onRequest() { for (;;) kept.push(new Uint8Array(64 << 20).fill(1)); }")]
    public async Task MemoryBomb_StoppedAtTheLimit_502LoggedNextRequestServedOtherProjectUntouched(string bombSource)
    {
        // Arrange: another project's process is warm and counts its requests in memory (a restart would start at 1).
        var (project, owner) = await DeployAsync(new Dictionary<string, string>
        {
            ["bomb.js"] = bombSource,
            ["index.js"] = Alive,
        });
        var (other, _) = await DeployAsync(new Dictionary<string, string>
        {
            ["index.js"] = "let count = 0; export function onRequest() { return new Response(String(++count)); }",
        });
        using var client = server.CreateClient();
        Assert.Equal("1", await client.GetStringAsync($"/functions/{other}/", Ct));

        // Act
        using var bomb = await client.GetAsync($"/functions/{project}/bomb", Ct);

        // Assert
        var message = FunctionLimits.MemoryExceeded(FunctionLimits.DefaultMemoryMegabytes);
        Assert.Equal(HttpStatusCode.BadGateway, bomb.StatusCode);
        Assert.Equal(message, await bomb.Content.ReadAsStringAsync(Ct));
        var logged = await server.WaitForLogAsync(owner, project, e => e.Message == message);
        Assert.Equal(ProjectLogLevel.Error, logged.Level);
        Assert.Equal((ProjectLogCodes.MemoryExceeded, "128"), (logged.Code, Assert.Single(logged.Arguments)));
        Assert.Equal("alive", await client.GetStringAsync($"/functions/{project}/", Ct));
        Assert.Equal("2", await client.GetStringAsync($"/functions/{other}/", Ct));
    }

    [Fact]
    public async Task ConcurrentRequests_OnePastTheLimit_503AtOnce_FreedSlotsServeAgain()
    {
        // Arrange: hold the limit's number of requests open (their promise never settles) until the client gives up
        // (or the wall time ends them).
        var (project, owner) = await DeployAsync(new Dictionary<string, string>
        {
            ["hold.js"] = "export function onRequest() { return new Promise(() => {}); }",
            ["index.js"] = Alive,
        });
        using var client = server.CreateClient();
        // Warm: the holds below must all be counted well within the wall time (which ends a hold too), so no start.
        Assert.Equal("alive", await client.GetStringAsync($"/functions/{project}/", Ct));
        using var holders = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var held = Enumerable.Range(0, FunctionsServer.MaxConcurrentRequests)
            .Select(_ => HoldAsync(client, $"/functions/{project}/hold", holders.Token))
            .ToList();

        // Act: until all are counted, a probe takes the last free slot and answers; then it is refused.
        var refused = await RetryAsync(client, $"/functions/{project}/", HttpStatusCode.ServiceUnavailable);

        // Assert
        var message = FunctionLimits.TooManyConcurrentRequests(FunctionsServer.MaxConcurrentRequests);
        Assert.Equal(message, refused.Body);
        Assert.Equal("1", refused.RetryAfter);
        var logged = await server.WaitForLogAsync(owner, project, e => e.Message == message && e.Path == "/");
        Assert.Equal(ProjectLogLevel.Warning, logged.Level);
        Assert.Equal("/", logged.Path);
        await holders.CancelAsync();
        await Task.WhenAll(held.Select(h => h.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var served = await RetryAsync(client, $"/functions/{project}/", HttpStatusCode.OK);
        Assert.Equal("alive", served.Body);
    }

    [Fact]
    public async Task RequestBody_OverTheLimit_413AndNextRequestServed()
    {
        var (project, owner) = await DeployAsync(new Dictionary<string, string>
        {
            ["index.js"] = "export async function onRequest({ request }) { return new Response(String((await request.arrayBuffer()).byteLength)); }",
        });
        using var client = server.CreateClient();

        // Expect: 100-continue, so the refusal comes before the body is sent (else the client's write hits a closed socket).
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/functions/{project}/") { Content = new ByteArrayContent(new byte[FunctionLimits.MaxBodyBytes + 1]) };
        request.Headers.ExpectContinue = true;
        using var tooLarge = await client.SendAsync(request, Ct);
        using var atLimit = await client.PostAsync($"/functions/{project}/", new ByteArrayContent(new byte[1024]), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(FunctionLimits.BodyTooLarge, await tooLarge.Content.ReadAsStringAsync(Ct));
        Assert.Equal("1024", await atLimit.Content.ReadAsStringAsync(Ct));
        Assert.Equal(ProjectLogLevel.Warning, (await server.WaitForLogAsync(owner, project, e => e.Message == FunctionLimits.BodyTooLarge)).Level);
    }

    [Fact]
    public async Task ResponseBody_OverTheLimit_502AndNextRequestServed()
    {
        var (project, owner) = await DeployAsync(new Dictionary<string, string>
        {
            ["big.js"] = $"export function onRequest() {{ return new Response(new Uint8Array({FunctionLimits.MaxResponseBodyBytes + 1})); }}",
            ["index.js"] = Alive,
        });
        using var client = server.CreateClient();

        using var tooLarge = await client.GetAsync($"/functions/{project}/big", Ct);

        Assert.Equal(HttpStatusCode.BadGateway, tooLarge.StatusCode);
        Assert.Equal(FunctionLimits.ResponseTooLarge, await tooLarge.Content.ReadAsStringAsync(Ct));
        Assert.Equal("/big", (await server.WaitForLogAsync(owner, project, e => e.Message == FunctionLimits.ResponseTooLarge)).Path);
        Assert.Equal("alive", await client.GetStringAsync($"/functions/{project}/", Ct));
    }

    private async Task<(int Project, EdgeKv.Domain.Authorization.Caller Owner)> DeployAsync(IReadOnlyDictionary<string, string> files)
    {
        var (owner, token) = await server.CreateOwnerAsync("limits");
        var (project, _) = await server.CreateProjectAsync(owner);
        using var response = await server.DeployAsync(token, project.Id, files);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (project.Id, owner);
    }

    // Requests until one answers with <paramref name="status"/> (at most 30 s).
    // A hold whose request met a slot a probe had taken (503) asks again, so all the limit's slots end up held.
    private static async Task<HttpResponseMessage> HoldAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await client.GetAsync(path, cancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return response;
            }

            response.Dispose();
        }
    }

    private static async Task<(string Body, string? RetryAfter)> RetryAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        List<string> seen = [];
        try
        {
            for (;;)
            {
                using var response = await client.GetAsync(path, timeout.Token);
                if (response.StatusCode == status)
                {
                    return (await response.Content.ReadAsStringAsync(timeout.Token), response.Headers.RetryAfter?.ToString());
                }

                seen.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(timeout.Token)}");
            }
        }
        catch (OperationCanceledException exception) when (!Ct.IsCancellationRequested)
        {
            throw new TimeoutException($"No {status} within 30 s; answers: {string.Join(" | ", seen.Distinct())} ({seen.Count})", exception);
        }
    }
}
