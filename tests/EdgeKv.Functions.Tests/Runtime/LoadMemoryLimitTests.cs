using System.Net;
using System.Text.Json;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Functions.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>
/// The memory limit holds while a deployment's top-level code loads, not only once it serves: at deploy (the refusal)
/// and when a project's process starts (the request's answer). The limit is small here
/// (<see cref="SmallMemoryFunctionsServer.MemoryMegabytes"/>), so a bomb crosses it after a few allocations.
/// </summary>
public sealed class LoadMemoryLimitTests(SmallMemoryFunctionsServer server) : IClassFixture<SmallMemoryFunctionsServer>
{
    private const string V1 = "export const onRequest = () => new Response(\"v1\");";

    private static CancellationToken Ct => FunctionsServer.Ct;

    /// <summary>
    /// Typed arrays live outside V8's heap (only the watch of the resident memory stops them; each is written, since
    /// untouched pages are never resident); plain arrays fill the heap (V8's own flag stops them). Either way the same
    /// refusal, well before the load time limit (which would say the files did not finish loading).
    /// </summary>
    [Theory]
    [InlineData("const keep = [];\nfor (;;) keep.push(new Uint8Array(8 << 20).fill(1));\nexport const onRequest = () => new Response(\"never\");")]
    [InlineData("const keep = [];\nfor (;;) keep.push(new Array(1000000).fill(0));\nexport const onRequest = () => new Response(\"never\");")]
    public async Task Deploy_TopLevelCodeOverTheMemoryLimit_RefusedWithTheMessageAndTheActiveOneServes(string bombSource)
    {
        // Arrange
        var (owner, token) = await server.CreateOwnerAsync("load-bomb");
        var (project, _) = await server.CreateProjectAsync(owner);
        using var client = server.CreateClient();
        (await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = V1 })).Dispose();
        Assert.Equal("v1", await client.GetStringAsync($"/functions/{project.Id}/", Ct));

        // Act
        using var response = await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = bombSource });

        // Assert
        var refusal = FunctionLimits.LoadMemoryExceeded(SmallMemoryFunctionsServer.MemoryMegabytes);
        Assert.Equal("The functions used more than the memory limit of 32 MiB while loading, so they were not deployed.", refusal.Message);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("project.function_load_over_memory", error.GetProperty("code").GetString());
        Assert.Equal(refusal.Message, error.GetProperty("message").GetString());
        Assert.Equal("v1", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
        var logged = await server.WaitForLogAsync(owner, project.Id, e => e.Code == ProjectLogCodes.DeploymentOverMemory);
        Assert.Equal((ProjectLogLevel.Error, refusal.Message, "32"), (logged.Level, logged.Message, Assert.Single(logged.Arguments)));
    }

    /// <summary>No false refusal: top-level code that keeps a quarter of the limit loads, deploys and serves with it.</summary>
    [Fact]
    public async Task Deploy_TopLevelAllocationWellUnderTheLimit_DeployedAndServes()
    {
        var (owner, token) = await server.CreateOwnerAsync("load-small");
        var (project, _) = await server.CreateProjectAsync(owner);
        using var client = server.CreateClient();

        using var response = await server.DeployAsync(token, project.Id, new Dictionary<string, string>
        {
            ["index.js"] = "const kept = new Uint8Array(8 << 20).fill(1);\nexport const onRequest = () => new Response(String(kept.reduce((sum, b) => sum + b, 0)));",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((8 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), await client.GetStringAsync($"/functions/{project.Id}/", Ct));
    }

    /// <summary>
    /// A deployment kept without this limit's check (as under an older, larger limit: a deployment service with no code
    /// verifier, as a host without the runtime has) whose top-level code is over the limit: its process is stopped while
    /// loading, the request gets the memory answer, the log says so, and a good deployment serves again.
    /// </summary>
    [Fact]
    public async Task Start_KeptDeploymentOverTheLimitWhileLoading_502WithTheMemoryAnswerAndLogged()
    {
        // Arrange
        var (owner, token) = await server.CreateOwnerAsync("load-start");
        var (project, _) = await server.CreateProjectAsync(owner);
        using var client = server.CreateClient();
        await server.InScopeAsync(services => new DeploymentService(
                services.GetRequiredService<IDbContextFactory<EdgeKvDbContext>>(), services.GetRequiredService<IDomainEvents>(), services.GetRequiredService<TimeProvider>())
            .DeployAsync(owner, project.Id, new Dictionary<string, string>
            {
                ["index.js"] = "const kept = new Uint8Array(64 << 20).fill(1);\nexport const onRequest = () => new Response(String(kept.length));",
            }, Ct));

        // Act
        using var started = await client.GetAsync($"/functions/{project.Id}/", Ct);

        // Assert
        var message = FunctionLimits.MemoryExceeded(SmallMemoryFunctionsServer.MemoryMegabytes);
        Assert.Equal(HttpStatusCode.BadGateway, started.StatusCode);
        Assert.Equal(message, await started.Content.ReadAsStringAsync(Ct));
        var logged = await server.WaitForLogAsync(owner, project.Id, e => e.Code == ProjectLogCodes.MemoryExceeded);
        Assert.Equal((ProjectLogLevel.Error, message, "32"), (logged.Level, logged.Message, Assert.Single(logged.Arguments)));
        using var redeployed = await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = V1 });
        Assert.Equal(HttpStatusCode.Created, redeployed.StatusCode);
        Assert.Equal("v1", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
    }
}
