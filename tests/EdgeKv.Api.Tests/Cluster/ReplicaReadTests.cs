using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EdgeKv.Api.Http;
using EdgeKv.Api.KvConnect;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Replication;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Storage.Postgres;
using EdgeKv.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Tests.Cluster;

/// <summary>
/// A node given a real streaming replica (<c>ConnectionStrings:KvReplica</c>): the HTTP API's <c>consistency=eventual</c>
/// and KV Connect's eventual endpoint, used by the real Deno client, are answered by the replica — proved by pausing its
/// replay, after which they return the value it last replayed while strong reads return the new one. One primary and
/// replica for the class; each test has its own database and leaves the replica replaying.
/// </summary>
public sealed class ReplicaReadTests(PostgresReplicaFixture servers) : IClassFixture<PostgresReplicaFixture>, IAsyncLifetime
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await servers.Replica.ResumeReplayAsync();

    [Fact]
    public async Task HttpEventualRead_WhileReplayIsPaused_ReturnsTheReplicasValue_StrongReturnsTheNew()
    {
        // Arrange: v1 written and replayed, then the replica's replay paused and v2 written.
        await using var setup = await StartAsync();
        using var http = setup.Node.CreateHttpClient();
        await WriteV2BehindThePausedReplicaAsync(http, setup);

        // Act
        var eventual = await GetTextAsync(http, setup, "?type=text&consistency=eventual");
        var strong = await GetTextAsync(http, setup, "?type=text");
        var strongAsked = await GetTextAsync(http, setup, "?type=text&consistency=strong");
        using var listed = await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/namespaces/{setup.Namespace.StoreId}/keys?consistency=eventual", setup.Token), Ct);

        // Assert: the replica answered the eventual read, the primary the strong ones.
        Assert.Equal((HttpStatusCode.OK, "v1"), eventual);
        Assert.Equal((HttpStatusCode.OK, "v2"), strong);
        Assert.Equal((HttpStatusCode.OK, "v2"), strongAsked);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("\"k\"", await listed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Act: resumed, the replica catches up.
        await servers.Replica.ResumeReplayAsync();

        // Assert
        await EventuallyReadsAsync(http, setup, "v2");
    }

    [Theory]
    [InlineData("values/k?consistency=weak")]
    [InlineData("values/k?consistency=Eventual")]
    [InlineData("keys?consistency=STRONG")]
    public async Task HttpRead_UnknownConsistency_400WithTheMessage(string path)
    {
        // Arrange
        await using var setup = await StartAsync();
        using var http = setup.Node.CreateHttpClient();

        // Act
        using var response = await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/namespaces/{setup.Namespace.StoreId}/{path}", setup.Token), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(KvHttpErrorCodes.InvalidRequest, body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(KvHttpErrors.InvalidConsistency, body.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task MetadataExchange_NodeWithAReplica_ListsAStrongAndAnEventualEndpoint()
    {
        // Arrange
        await using var setup = await StartAsync();
        using var http = setup.Node.CreateHttpClient();
        var url = $"/kv/connect/{setup.Namespace.StoreId}";

        // Act
        var endpoints = await EndpointsAsync(http, url, setup.Token);
        var eventualEndpoints = await EndpointsAsync(http, url + "/eventual", setup.Token);

        // Assert: the namespace's URL names both; the eventual one's is all eventual (labelled strong too, for Deno).
        Assert.Equal([(url, "strong"), (url + "/eventual", "eventual")], endpoints);
        Assert.Equal([(url + "/eventual", "eventual"), (url + "/eventual", "strong")], eventualEndpoints);
    }

    [Fact]
    public async Task DenoEventualGet_WhileReplayIsPaused_ServedByTheReplica_WritesThereRefused()
    {
        // Arrange: v1 replayed, replay paused, v2 written (through the HTTP API).
        await using var setup = await StartAsync();
        using var http = setup.Node.CreateHttpClient();
        await WriteV2BehindThePausedReplicaAsync(http, setup);

        // Act: the real Deno client, on the namespace's eventual database URL and on its own URL.
        var onEventual = await RunDenoAsync(setup, setup.Node.UrlOf(setup.Namespace) + "/eventual", probe: true);
        var onNamespace = await RunDenoAsync(setup, setup.Node.UrlOf(setup.Namespace), probe: false);

        // Assert: through /eventual Deno's eventual get is the replica's v1; its strong get there is refused by Deno
        // itself (the answer says it is not strongly consistent) and its write by EdgeKv, with a message that says where
        // to write. On the namespace's own URL Deno's client sends even an eventual get to the strong endpoint: v2.
        Assert.Equal("v1", onEventual.GetProperty("eventual").GetString());
        Assert.Contains("strong", onEventual.GetProperty("strongError").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(KvConnectErrors.EventualEndpointReadsOnly, onEventual.GetProperty("writeError").GetString(), StringComparison.Ordinal);
        Assert.Equal("v2", onNamespace.GetProperty("eventual").GetString());
        Assert.Equal((HttpStatusCode.OK, "v2"), await GetTextAsync(http, setup, "?type=text"));
    }

    [Fact]
    public async Task NodeClientEventualGet_WhileReplayIsPaused_ServedByTheReplica_OnEitherUrl()
    {
        // Arrange: v1 replayed, replay paused, v2 written (through the HTTP API).
        await using var setup = await StartAsync();
        using var http = setup.Node.CreateHttpClient();
        await WriteV2BehindThePausedReplicaAsync(http, setup);

        // Act: the Node client (@deno/kv, over HTTP/1.1) on the namespace's eventual database URL and on its own URL.
        var url = $"{setup.Node.Http1Url}/kv/connect/{setup.Namespace.StoreId}";
        var onEventual = await RunNodeAsync(setup, url + "/eventual");
        var onNamespace = await RunNodeAsync(setup, url);

        // Assert: through /eventual the replica's v1, and a write refused with the message that says where to write.
        // Unlike Deno's own client, the Node client follows the metadata's eventual endpoint: on the namespace's own
        // URL its eventual get is the replica's v1 too, and its write goes to the strong endpoint and succeeds.
        Assert.Equal("v1", onEventual.GetProperty("eventual").GetString());
        Assert.Contains(KvConnectErrors.EventualEndpointReadsOnly, onEventual.GetProperty("writeError").GetString(), StringComparison.Ordinal);
        Assert.Equal("v1", onNamespace.GetProperty("eventual").GetString());
        Assert.Equal(JsonValueKind.Null, onNamespace.GetProperty("writeError").ValueKind);
    }

    // v1 written and replayed by the replica, then its replay paused and v2 written: the replica answers v1, the primary v2.
    private async Task WriteV2BehindThePausedReplicaAsync(HttpClient http, NodeWithNamespace setup)
    {
        await PutAsync(http, setup, "v1");
        await EventuallyReadsAsync(http, setup, "v1");
        await servers.Replica.PauseReplayAsync();
        await PutAsync(http, setup, "v2");
    }

    private async Task<NodeWithNamespace> StartAsync()
    {
        var database = await servers.Primary.CreateDatabaseAsync();
        var node = await DomainKvConnectServer.StartNodeAsync(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:KvReplica"] = servers.ReplicaOf(database),
            ["EdgeKv:Storage:MaxReplicaLag"] = "00:10:00",
        });
        try
        {
            var ann = await node.CreateNamespaceOwnerAsync("ann");
            return new NodeWithNamespace(node, ann.Namespace, ann.Token.Secret);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    private static async Task<JsonElement> RunDenoAsync(NodeWithNamespace setup, string url, bool probe)
    {
        var environment = new Dictionary<string, string>
        {
            ["EDGEKV_URL"] = url,
            ["EDGEKV_ARGS"] = JsonSerializer.Serialize(new { key = new[] { "k" }, probe }),
        };
        return await ClientProcess.RunDenoAsync("eventual.ts", setup.Token, environment, Ct);
    }

    private static async Task<JsonElement> RunNodeAsync(NodeWithNamespace setup, string url)
    {
        var environment = new Dictionary<string, string>
        {
            ["EDGEKV_URL"] = url,
            ["EDGEKV_TOKEN"] = setup.Token,
            ["EDGEKV_ARGS"] = JsonSerializer.Serialize(new { key = new[] { "k" } }),
        };
        return await ClientProcess.RunNodeAsync("eventual.mjs", environment, Ct);
    }

    /// <summary>Reads eventually after each replica measurement until the replica serves <paramref name="expected"/> (bounded).</summary>
    private static async Task EventuallyReadsAsync(HttpClient http, NodeWithNamespace setup, string expected)
    {
        var registry = (PostgresKvStoreRegistry)setup.Node.Services.GetRequiredService<IKvStoreRegistry>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(WaitLimit);
        while (registry.Replica.Health != KvReplicaHealth.Serving
            || await GetTextAsync(http, setup, "?type=text&consistency=eventual") != (HttpStatusCode.OK, expected))
        {
            await registry.NextReplicaMeasurementAsync(timeout.Token);
        }
    }

    private static async Task<List<(string Url, string Consistency)>> EndpointsAsync(HttpClient http, string url, string token)
    {
        var request = Request(HttpMethod.Post, url, token);
        request.Content = new StringContent("""{"supportedVersions":[2,3]}""", Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return [.. json.RootElement.GetProperty("endpoints").EnumerateArray()
            .Select(e => (e.GetProperty("url").GetString()!, e.GetProperty("consistency").GetString()!))];
    }

    private static async Task PutAsync(HttpClient http, NodeWithNamespace setup, string value)
    {
        var request = Request(HttpMethod.Put, $"/api/v1/namespaces/{setup.Namespace.StoreId}/values/k", setup.Token);
        request.Content = new StringContent(value, MediaTypeHeaderValue.Parse("text/plain"));
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<(HttpStatusCode, string)> GetTextAsync(HttpClient http, NodeWithNamespace setup, string query)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/namespaces/{setup.Namespace.StoreId}/values/k{query}", setup.Token), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        // The node listens for HTTP/2 only (its Deno listener); a hand-made request must ask for it.
        var request = new HttpRequestMessage(method, path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private sealed record NodeWithNamespace(DomainKvConnectServer Node, NamespaceView Namespace, string Token) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Node.DisposeAsync();
    }
}
