using System.Net;
using System.Text.Json;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Functions.Tests.Support;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>A deployment whose code does not load is refused with Deno's reason, and the active one keeps serving.</summary>
public sealed class DeployRefusalTests(FunctionsServer server)
{
    private static CancellationToken Ct => FunctionsServer.Ct;

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "syntax error", "export function onRequest( { return new Response(\"never\"); }", "functions/index.js:1:" },
        { "missing module", "import { x } from \"./lib/missing.js\";\nexport const onRequest = () => new Response(x);", "functions/lib/missing.js" },
        { "no handler", "export const handler = () => new Response(\"never\");", "functions/index.js exports no onRequest handler" },
        { "throws at load", "throw new Error(\"boom at load\");\nexport const onRequest = () => new Response(\"never\");", "boom at load" },
        { "never finishes loading", "for (;;) {}\nexport const onRequest = () => new Response(\"never\");", "did not finish loading within" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Deploy_CodeThatDoesNotLoad_RefusedWithTheReasonAndTheActiveOneServes(string kind, string source, string reason)
    {
        // Arrange
        var (owner, token) = await server.CreateOwnerAsync("refused");
        var (project, _) = await server.CreateProjectAsync(owner);
        using var client = server.CreateClient();
        (await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = "export const onRequest = () => new Response(\"v1\");" })).Dispose();
        Assert.Equal("v1", await client.GetStringAsync($"/functions/{project.Id}/", Ct));

        // Act
        using var response = await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = source });

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, kind);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("project.function_code_does_not_load", error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.StartsWith("The functions do not load, so they were not deployed: ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), message, StringComparison.Ordinal);
        Assert.Equal("v1", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
        var logged = await server.WaitForLogAsync(owner, project.Id, e => e.Message.StartsWith("Deployment refused: ", StringComparison.Ordinal));
        Assert.Equal(ProjectLogLevel.Error, logged.Level);
        Assert.Contains(reason, logged.Message, StringComparison.Ordinal);
        Assert.Equal(ProjectLogCodes.DeploymentRefused, logged.Code);
        Assert.Contains(reason, Assert.Single(logged.Arguments), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_HelperModuleWithoutHandler_AcceptedWhenAnotherFileImportsIt()
    {
        var (owner, token) = await server.CreateOwnerAsync("helper");
        var (project, _) = await server.CreateProjectAsync(owner);
        using var client = server.CreateClient();

        using var response = await server.DeployAsync(token, project.Id, new Dictionary<string, string>
        {
            ["lib/greet.js"] = "export const greet = (name) => `hello ${name}`;",
            ["index.js"] = "import { greet } from \"./lib/greet.js\";\nexport const onRequestGet = () => new Response(greet(\"ann\"));",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("hello ann", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
    }

    [Fact]
    public async Task Deploy_FirstDeploymentRefused_NothingServes()
    {
        var (owner, token) = await server.CreateOwnerAsync("first");
        var (project, _) = await server.CreateProjectAsync(owner);
        using var client = server.CreateClient();

        using var response = await server.DeployAsync(token, project.Id, new Dictionary<string, string> { ["index.js"] = "export function (" });
        using var function = await client.GetAsync($"/functions/{project.Id}/", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, function.StatusCode);
    }
}
