using System.Net;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Projects;
using EdgeKv.E2E.Tests.Infrastructure;
using EdgeKv.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.E2E.Tests.Hosting;

/// <summary>
/// The real console host's functions listener (docs/adr/0009-*): a project's functions answer there by host
/// (<c>p{id}.localhost</c>) and by the <c>/functions/{id}/</c> prefix, and nothing else does — no console page, API
/// or health endpoint answers on it, and the console's listener serves no function, by host or by path.
/// </summary>
public sealed class FunctionsListenerTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private const string Hello = "export const onRequest = ({ request, params }) => new Response(`hello ${new URL(request.url).pathname} ${JSON.stringify(params)}`);";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ByHost_ProjectHostName_TheWholePathIsTheFunctions()
    {
        // Arrange
        var projectId = await DeployAsync("by-host@example.com", new Dictionary<string, string> { ["[[rest]].js"] = Hello });
        using var http = new HttpClient { BaseAddress = new Uri(server.FunctionsUrl) };

        // Act: the host names the project, with any port and any case.
        var body = await GetAsync(http, "/api/v1/anything", $"P{projectId}.LocalHost:1234");

        // Assert: even an API-looking path is the function's.
        Assert.Equal(HttpStatusCode.OK, body.Status);
        Assert.Equal("hello /api/v1/anything {\"rest\":[\"api\",\"v1\",\"anything\"]}", body.Text);
    }

    [Fact]
    public async Task ByPrefix_AnyHost_ServesTheProjectUnderFunctionsId()
    {
        // Arrange
        var projectId = await DeployAsync("by-prefix@example.com", new Dictionary<string, string> { ["hello.js"] = Hello, ["index.js"] = Hello });
        using var http = new HttpClient { BaseAddress = new Uri(server.FunctionsUrl) };

        // Act
        var hello = await GetAsync(http, $"/functions/{projectId}/hello", null);
        var index = await GetAsync(http, $"/functions/{projectId}", null);
        var missing = await GetAsync(http, $"/functions/{projectId}/nothing-here", null);

        // Assert
        Assert.Equal((HttpStatusCode.OK, "hello /hello {}"), (hello.Status, hello.Text));
        Assert.Equal((HttpStatusCode.OK, "hello / {}"), (index.Status, index.Text));
        Assert.Equal((HttpStatusCode.NotFound, FunctionLimits.NotFound), (missing.Status, missing.Text));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/signin")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/namespaces")]
    [InlineData("/health")]
    [InlineData("/metrics")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/functions/not-a-number/")]
    public async Task FunctionsListener_ConsoleAndApiPaths_AreNotServed(string path)
    {
        // Arrange
        using var http = new HttpClient { BaseAddress = new Uri(server.FunctionsUrl) };

        // Act
        var answer = await GetAsync(http, path, null);

        // Assert: only the functions' own 404 answers there.
        Assert.Equal((HttpStatusCode.NotFound, FunctionLimits.NotFound), (answer.Status, answer.Text));
    }

    [Fact]
    public async Task ConsoleListener_ProjectHostOrPrefix_ServesNoFunction()
    {
        // Arrange
        var projectId = await DeployAsync("console-listener@example.com", new Dictionary<string, string> { ["[[rest]].js"] = Hello, ["index.js"] = Hello });
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        // Act
        var byHost = await GetAsync(http, "/account/signin", $"p{projectId}.localhost");
        var byPrefix = await GetAsync(http, $"/functions/{projectId}/x", null);

        // Assert: the console answers as the console (its sign-in page; a 404 for the old prefix), never the function.
        Assert.Equal(HttpStatusCode.OK, byHost.Status);
        Assert.DoesNotContain("hello", byHost.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byPrefix.Status);
        Assert.DoesNotContain("hello", byPrefix.Text, StringComparison.Ordinal);
    }

    private async Task<int> DeployAsync(string email, IReadOnlyDictionary<string, string> files)
    {
        var (user, _) = await TokenActions.OpenNamespaceAsync(server.Services, email);
        await using var scope = server.Services.CreateAsyncScope();
        var project = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(user, "site", null, Ct);
        await scope.ServiceProvider.GetRequiredService<DeploymentService>().DeployAsync(user, project.Id, files, Ct);
        return project.Id;
    }

    private static async Task<(HttpStatusCode Status, string Text)> GetAsync(HttpClient http, string path, string? host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
