using System.Net;
using System.Text;
using System.Text.Json;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Tokens;
using EdgeKv.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>POST /api/v1/projects/{projectId}/deployments: who may deploy, and which files.</summary>
public sealed class DeployApiTests(FunctionsServer server)
{
    private static readonly Dictionary<string, string> Hello = new() { ["index.js"] = "export const onRequest = () => new Response(\"hi\");" };

    [Fact]
    public async Task Deploy_OwnersToken_201WithTheFiles()
    {
        var (owner, token) = await server.CreateOwnerAsync("owner");
        var (project, _) = await server.CreateProjectAsync(owner);

        using var response = await server.DeployAsync(token, project.Id, Hello);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(FunctionsServer.Ct));
        Assert.Equal(project.Id, json.RootElement.GetProperty("projectId").GetInt32());
        Assert.Equal("index.js", json.RootElement.GetProperty("files")[0].GetString());
    }

    [Fact]
    public async Task Deploy_OwnersToken_TheAuditLogNamesTheOwnerTheTokenAndTheFiles()
    {
        var (owner, token) = await server.CreateOwnerAsync("owner");
        var (project, _) = await server.CreateProjectAsync(owner);

        using var response = await server.DeployAsync(token, project.Id, Hello);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(FunctionsServer.Ct));
        var deploymentId = json.RootElement.GetProperty("id").GetInt32();
        var entry = Assert.Single(await server.InScopeAsync(services => services.GetRequiredService<AuditLogService>()
            .ListAsync(owner, new AuditQuery(Actions: [AuditActions.DeploymentCreated]), FunctionsServer.Ct)));
        var tokenId = Assert.Single(await server.InScopeAsync(services => services.GetRequiredService<AccessTokenService>().ListAsync(owner, null, FunctionsServer.Ct))).Id;
        Assert.Equal(owner.UserId, entry.ActorUserId);
        Assert.Equal(tokenId, entry.AccessTokenId);
        Assert.Equal(DeploymentService.DeploymentNote(deploymentId, 1, Encoding.UTF8.GetByteCount(Hello["index.js"])), entry.Reason);
    }

    [Fact]
    public async Task Deploy_AnotherUsersToken_404AndNothingDeployed()
    {
        var (owner, _) = await server.CreateOwnerAsync("owner");
        var (_, otherToken) = await server.CreateOwnerAsync("other");
        var (project, _) = await server.CreateProjectAsync(owner);

        using var response = await server.DeployAsync(otherToken, project.Id, Hello);
        using var client = server.CreateClient();
        using var function = await client.GetAsync($"/functions/{project.Id}/", FunctionsServer.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, function.StatusCode);
    }

    [Fact]
    public async Task Deploy_NoToken_401()
    {
        var (owner, _) = await server.CreateOwnerAsync("owner");
        var (project, _) = await server.CreateProjectAsync(owner);

        using var response = await server.DeployAsync("", project.Id, Hello);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("../escape.js")]
    [InlineData("/abs.js")]
    [InlineData("readme.md")]
    [InlineData("a//b.js")]
    public async Task Deploy_PathOutsideFunctions_400(string path)
    {
        var (owner, token) = await server.CreateOwnerAsync("owner");
        var (project, _) = await server.CreateProjectAsync(owner);

        using var response = await server.DeployAsync(token, project.Id, new Dictionary<string, string> { [path] = "export {}" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("project.function_file_path", await response.Content.ReadAsStringAsync(FunctionsServer.Ct), StringComparison.Ordinal);
    }
}
