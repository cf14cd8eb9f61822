using System.Net;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>What a function writes and what happens to it reaches its project's log, and only its owner reads it.</summary>
public sealed class ProjectLogTests(FunctionsServer server)
{
    private static CancellationToken Ct => FunctionsServer.Ct;

    [Fact]
    public async Task ConsoleAndUncaughtErrors_AreLoggedWithLevelAndPath()
    {
        // Arrange
        var (owner, token) = await server.CreateOwnerAsync("logs");
        var (project, _) = await server.CreateProjectAsync(owner);
        (await server.DeployAsync(token, project.Id, new Dictionary<string, string>
        {
            ["api/[id].js"] = """
                export async function onRequest({ params }) {
                  console.log("serving", params.id, { n: 1 });
                  await null;
                  setTimeout(() => console.warn("later for", params.id), 0);
                  if (params.id === "bad") throw new RangeError("no such thing");
                  return new Response("ok");
                }
                """,
        })).Dispose();
        using var client = server.CreateClient();

        // Act
        Assert.Equal("ok", await client.GetStringAsync($"/functions/{project.Id}/api/7", Ct));
        using var failed = await client.GetAsync($"/functions/{project.Id}/api/bad", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("RangeError: no such thing", await failed.Content.ReadAsStringAsync(Ct));
        var line = await server.WaitForLogAsync(owner, project.Id, e => e.Message == "serving 7 { n: 1 }");
        Assert.Equal((ProjectLogLevel.Info, "/api/7"), (line.Level, line.Path));
        var later = await server.WaitForLogAsync(owner, project.Id, e => e.Message == "later for 7");
        Assert.Equal((ProjectLogLevel.Warning, "/api/7"), (later.Level, later.Path));
        var error = await server.WaitForLogAsync(owner, project.Id, e => e.Message.StartsWith("RangeError: no such thing", StringComparison.Ordinal));
        Assert.Equal((ProjectLogLevel.Error, "/api/bad"), (error.Level, error.Path));
        Assert.Contains("functions/api/[id].js:5", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("__edgekv", error.Message, StringComparison.Ordinal);
        var started = await server.WaitForLogAsync(owner, project.Id, e => e.Message.StartsWith("Runtime started", StringComparison.Ordinal));
        Assert.Equal(ProjectLogLevel.Info, started.Level);
        Assert.Equal(ProjectLogCodes.RuntimeStarted, started.Code);
        Assert.Null(error.Code);
    }

    [Fact]
    public async Task ConsoleLine_AfterTheWritersRound_InTheAdminDatabaseForAnyHost()
    {
        // Arrange
        var (owner, token) = await server.CreateOwnerAsync("logs");
        var (project, _) = await server.CreateProjectAsync(owner);
        (await server.DeployAsync(token, project.Id, new Dictionary<string, string>
        {
            ["index.js"] = """export function onRequest() { console.error("kept", 42); return new Response("ok"); }""",
        })).Dispose();
        using var client = server.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
        await server.WaitForLogAsync(owner, project.Id, e => e.Message == "kept 42");

        // Act: the round the host's writer runs every 250 ms, run now.
        var stored = await server.InScopeAsync(async services =>
        {
            await services.GetRequiredService<ProjectLogWriter>().FlushAsync(Ct);
            return await services.GetRequiredService<ProjectLogStore>().ReadNewestAsync(project.Id, Ct);
        });

        // Assert: what a restarted host or another node reads, with the host's own start line, localizable by code.
        var line = Assert.Single(stored, e => e.Message == "kept 42");
        Assert.Equal((ProjectLogLevel.Error, "/"), (line.Level, line.Path));
        Assert.Contains(stored, e => e.Code == ProjectLogCodes.RuntimeStarted);
    }

    [Fact]
    public async Task AnotherAccount_CannotFollowTheLogs()
    {
        var (owner, token) = await server.CreateOwnerAsync("logs");
        var (stranger, _) = await server.CreateOwnerAsync("stranger");
        var (project, _) = await server.CreateProjectAsync(owner);
        (await server.DeployAsync(token, project.Id, new Dictionary<string, string>
        {
            ["index.js"] = "export function onRequest() { console.log(\"private line\"); return new Response(\"ok\"); }",
        })).Dispose();
        using var client = server.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
        await server.WaitForLogAsync(owner, project.Id, e => e.Message == "private line");

        var refused = await Assert.ThrowsAsync<DomainException>(() => server.FollowLogsAsync(stranger, project.Id, Ct));

        Assert.Equal(DomainErrors.ProjectNotFound, refused.Error);
    }
}
