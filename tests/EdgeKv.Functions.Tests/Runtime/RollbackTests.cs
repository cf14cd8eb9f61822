using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EdgeKv.Functions.Tests.Support;

namespace EdgeKv.Functions.Tests.Runtime;

/// <summary>
/// GET /api/v1/projects/{projectId}/deployments and POST …/deployments/{deploymentId}/activate: the history, a rollback
/// that makes the old code answer the next request from the real Deno process, and who may do either.
/// </summary>
public sealed class RollbackTests(FunctionsServer server)
{
    private static CancellationToken Ct => FunctionsServer.Ct;

    private static Dictionary<string, string> Answering(string text) =>
        new() { ["index.js"] = $"export const onRequest = () => new Response(\"{text}\");" };

    [Fact]
    public async Task Activate_EarlierDeployment_TheOldCodeAnswersTheNextRequest()
    {
        // Arrange: v1 deployed and warm, then v2 deployed and warm.
        var (owner, token) = await server.CreateOwnerAsync("owner");
        var (project, _) = await server.CreateProjectAsync(owner);
        var first = await DeployAsync(token, project.Id, "v1");
        using var client = server.CreateClient();
        Assert.Equal("v1", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
        await DeployAsync(token, project.Id, "v2");
        Assert.Equal("v2", await client.GetStringAsync($"/functions/{project.Id}/", Ct));

        // Act
        using var activated = await SendAsync(HttpMethod.Post, token, $"/api/v1/projects/{project.Id}/deployments/{first}/activate");

        // Assert
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        using var json = JsonDocument.Parse(await activated.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first, json.RootElement.GetProperty("id").GetInt32());
        Assert.True(json.RootElement.GetProperty("active").GetBoolean());
        Assert.Equal("v1", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
    }

    [Fact]
    public async Task List_TwoDeployments_NewestFirstWithTheActiveMarked()
    {
        // Arrange
        var (owner, token) = await server.CreateOwnerAsync("owner");
        var (project, _) = await server.CreateProjectAsync(owner);
        var first = await DeployAsync(token, project.Id, "v1");
        var second = await DeployAsync(token, project.Id, "v2");

        // Act
        using var response = await SendAsync(HttpMethod.Get, token, $"/api/v1/projects/{project.Id}/deployments");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([second, first], rows.Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal([true, false], rows.Select(r => r.GetProperty("active").GetBoolean()));
        Assert.All(rows, r => Assert.Equal(1, r.GetProperty("fileCount").GetInt32()));
        Assert.All(rows, r => Assert.StartsWith("owner-", r.GetProperty("createdBy").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAndActivate_AnotherUsersToken_404AndNothingChanges()
    {
        // Arrange
        var (owner, token) = await server.CreateOwnerAsync("owner");
        var (_, otherToken) = await server.CreateOwnerAsync("other");
        var (project, _) = await server.CreateProjectAsync(owner);
        var first = await DeployAsync(token, project.Id, "v1");
        await DeployAsync(token, project.Id, "v2");

        // Act
        using var list = await SendAsync(HttpMethod.Get, otherToken, $"/api/v1/projects/{project.Id}/deployments");
        using var activate = await SendAsync(HttpMethod.Post, otherToken, $"/api/v1/projects/{project.Id}/deployments/{first}/activate");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, activate.StatusCode);
        Assert.Contains("project.not_found", await activate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var client = server.CreateClient();
        Assert.Equal("v2", await client.GetStringAsync($"/functions/{project.Id}/", Ct));
    }

    [Fact]
    public async Task Activate_UnknownDeployment_404WithItsCode()
    {
        // Arrange
        var (owner, token) = await server.CreateOwnerAsync("owner");
        var (project, _) = await server.CreateProjectAsync(owner);
        await DeployAsync(token, project.Id, "v1");

        // Act
        using var response = await SendAsync(HttpMethod.Post, token, $"/api/v1/projects/{project.Id}/deployments/999999/activate");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("project.deployment_not_found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_NoToken_401()
    {
        var (owner, token) = await server.CreateOwnerAsync("owner");
        var (project, _) = await server.CreateProjectAsync(owner);
        var first = await DeployAsync(token, project.Id, "v1");

        using var response = await SendAsync(HttpMethod.Post, "", $"/api/v1/projects/{project.Id}/deployments/{first}/activate");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<int> DeployAsync(string token, int projectId, string answer)
    {
        using var response = await server.DeployAsync(token, projectId, Answering(answer));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("id").GetInt32();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string token, string path)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Ct);
    }
}
