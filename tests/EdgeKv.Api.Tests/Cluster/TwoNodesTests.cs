using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Cluster;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Tokens;
using EdgeKv.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Tests.Cluster;

/// <summary>
/// Two real hosts (two nodes, each with its own services, caches and Kestrel) on one PostgreSQL database, composed as
/// the web host composes them: what is changed through one is seen through the other — KV data at once (one shared
/// engine), and the console's changes (revocations, suspensions, new namespaces) through the cluster's events.
/// </summary>
public sealed class TwoNodesTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_ThroughNodeA_ReadStronglyThroughNodeB_AtOnce()
    {
        // Arrange
        await using var arranged = await StartWithAnnAsync();
        var (cluster, ann) = arranged;
        using var httpA = cluster.A.CreateHttpClient();
        using var httpB = cluster.B.CreateHttpClient();

        for (var i = 0; i < 20; i++)
        {
            // Act: each write acknowledged by A is read back through B with no wait in between.
            using var written = await PutAsync(httpA, ann.Namespace.StoreId, ann.Token.Secret, $"value {i}");
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
            using var read = await httpB.SendAsync(Request(HttpMethod.Get, $"/api/v1/namespaces/{ann.Namespace.StoreId}/values/k?type=text", ann.Token.Secret), Ct);

            // Assert
            Assert.Equal((HttpStatusCode.OK, $"value {i}"), (read.StatusCode, await read.Content.ReadAsStringAsync(Ct)));
            Assert.Equal(written.Headers.ETag, read.Headers.ETag);
        }
    }

    [Fact]
    public async Task TokenRevoked_OnNodeA_NodeBEndsItsWatch_AndRefusesTheNextRequest()
    {
        // Arrange: B has the token cached (a watch open with it, a write done with it).
        await using var arranged = await StartWithAnnAsync();
        var (cluster, ann) = arranged;
        using var httpB = cluster.B.CreateHttpClient();
        using (var before = await PutAsync(httpB, ann.Namespace.StoreId, ann.Token.Secret, "before"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var watch = await WatchAsync(httpB, ann.Namespace.StoreId, ann.Token.Secret);
        await watch.NextEventAsync();

        // Act: revoked through node A's services (as on A's console).
        await cluster.A.InScopeAsync(s => s.GetRequiredService<AccessTokenService>().RevokeAsync(ann.User, ann.Token.Token.Id, Ct));

        // Assert: B's stream ends (bounded by the stream's own timeout), then B refuses the token.
        await Assert.ThrowsAsync<InvalidOperationException>(watch.NextEventAsync);
        using var after = await PutAsync(httpB, ann.Namespace.StoreId, ann.Token.Secret, "after");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task AfterADatabaseOutage_NodeBHearsNodeAAgain_ARevocationStillReachesIt()
    {
        // Arrange: two nodes, then the server stopped as by a crash and started again.
        await using var arranged = await StartWithAnnAsync();
        var (cluster, ann) = arranged;
        var listenerB = cluster.B.Services.GetRequiredService<ClusterEventListener>();
        var reconnected = listenerB.NextConnection;
        await postgres.Server.StopAsync(immediate: true);
        await postgres.Server.StartAgainAsync();
        await reconnected.WaitAsync(EventTimeout, Ct);

        // B caches the token again (a watch open, a write), after its listener is back.
        using var httpB = cluster.B.CreateHttpClient();
        using (var before = await RetryAsync(() => PutAsync(httpB, ann.Namespace.StoreId, ann.Token.Secret, "after the outage")))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var watch = await WatchAsync(httpB, ann.Namespace.StoreId, ann.Token.Secret);
        await watch.NextEventAsync();

        // Act: revoked through A (A's sender retries until its connections work again).
        await RetryAsync(() => cluster.A.InScopeAsync(s => s.GetRequiredService<AccessTokenService>().RevokeAsync(ann.User, ann.Token.Token.Id, Ct)));

        // Assert: B heard it over its new connection.
        Assert.True(listenerB.Connections >= 2);
        await Assert.ThrowsAsync<InvalidOperationException>(watch.NextEventAsync);
        using var after = await PutAsync(httpB, ann.Namespace.StoreId, ann.Token.Secret, "revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task AccountSuspended_OnNodeA_NodeBRefusesWrites()
    {
        // Arrange
        await using var arranged = await StartWithAnnAsync();
        var (cluster, ann) = arranged;
        using var httpB = cluster.B.CreateHttpClient();
        using (var before = await PutAsync(httpB, ann.Namespace.StoreId, ann.Token.Secret, "before"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var watch = await WatchAsync(httpB, ann.Namespace.StoreId, ann.Token.Secret);
        await watch.NextEventAsync();

        // Act
        await cluster.A.InScopeAsync(s => s.GetRequiredService<AccountApplicationService>().SuspendAsync(cluster.A.Admin, ann.AccountId, "unpaid", Ct));

        // Assert: B ends the stream, then takes writing away.
        await Assert.ThrowsAsync<InvalidOperationException>(watch.NextEventAsync);
        using var refused = await PutAsync(httpB, ann.Namespace.StoreId, ann.Token.Secret, "after");
        Assert.Equal((HttpStatusCode.Forbidden, "read_only"), (refused.StatusCode, (await HttpApi.ErrorAsync(refused)).Code));
    }

    [Fact]
    public async Task NamespaceCreated_OnNodeA_NodeBsLivePagesHearIt_AndItsListShowsIt()
    {
        // Arrange: B's event feed, as B's console list page subscribes to it.
        await using var cluster = await TwoNodes.StartAsync(postgres.Server);
        var (ann, _) = await cluster.A.CreateOpenUserAsync("ann");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(EventTimeout);
        var atB = cluster.B.Services.GetRequiredService<IDomainEvents>().Subscribe(stop.Token).GetAsyncEnumerator(stop.Token);

        // Act
        var ns = await cluster.A.CreateNamespaceAsync(ann, "orders");

        // Assert: B hears it as another node's (so B does not send it back), and lists it.
        DomainEvent heard;
        do
        {
            Assert.True(await atB.MoveNextAsync());
            heard = atB.Current;
        }
        while (heard.Kind != DomainEventKind.NamespaceCreated);
        Assert.Equal((ns.Id, ann.UserId, true), (heard.NamespaceId, heard.OwnerUserId, heard.FromOtherNode));
        Assert.Contains(await cluster.B.NamespacesOfAsync(ann), n => n.Id == ns.Id && n.Name == "orders");
        await atB.DisposeAsync();
    }

    [Fact]
    public async Task DenoWatching_ThroughNodeB_SeesACommitMadeThroughNodeA()
    {
        // Arrange: the real Deno runtime watching one key through B.
        await using var arranged = await StartWithAnnAsync();
        var (cluster, ann) = arranged;
        var environment = new Dictionary<string, string>(cluster.B.ScriptEnvironmentFor(ann.Namespace))
        {
            ["EDGEKV_ARGS"] = JsonSerializer.Serialize(new { keys = new[] { new[] { "k" } }, updates = 2 }),
        };
        await using var deno = ClientProcess.StartDeno("watch.ts", ann.Token.Secret, environment);
        var initial = await deno.NextAsync(Ct);
        Assert.Equal(JsonValueKind.Null, initial.GetProperty("entries")[0].GetProperty("value").ValueKind);

        // Act: a write through A's HTTP API.
        using var httpA = cluster.A.CreateHttpClient();
        using var written = await PutAsync(httpA, ann.Namespace.StoreId, ann.Token.Secret, "from A");

        // Assert: Deno, connected to B, sees A's commit with A's versionstamp.
        var update = (await deno.NextAsync(Ct)).GetProperty("entries")[0];
        Assert.Equal("from A", update.GetProperty("value").GetString());
        Assert.Equal(written.Headers.ETag!.Tag.Trim('"'), update.GetProperty("versionstamp").GetString());
    }

    /// <summary>
    /// The arrange of every test that writes through the cluster: two started nodes on a fresh database and, through
    /// node A, "ann" with an approved account, a namespace and a read-write token over it.
    /// </summary>
    private async Task<ArrangedCluster> StartWithAnnAsync()
    {
        var cluster = await TwoNodes.StartAsync(postgres.Server);
        try
        {
            return new ArrangedCluster(cluster, await cluster.A.CreateNamespaceOwnerAsync("ann"));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    // Pooled connections broken by the restart fail once each; a caller tries again, as a program would.
    private static async Task<T> RetryAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await action();
                if (result is HttpResponseMessage { StatusCode: HttpStatusCode.ServiceUnavailable } unavailable && attempt < 20)
                {
                    unavailable.Dispose();
                    continue;
                }

                return result;
            }
            catch (Exception failure) when (attempt < 20 && failure is Npgsql.NpgsqlException or InvalidOperationException)
            {
            }
        }
    }

    private static Task RetryAsync(Func<Task> action) => RetryAsync(async () =>
    {
        await action();
        return true;
    });

    private static async Task<SseStream> WatchAsync(HttpClient http, string storeId, string token)
    {
        var response = await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/namespaces/{storeId}/watch?key=k", token), HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new SseStream(response);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient http, string storeId, string token, string value)
    {
        var request = Request(HttpMethod.Put, $"/api/v1/namespaces/{storeId}/values/k", token);
        request.Content = new StringContent(value, MediaTypeHeaderValue.Parse("text/plain"));
        return http.SendAsync(request, Ct);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        // The nodes listen for HTTP/2 only (their Deno listener); a hand-made request must ask for it.
        var request = new HttpRequestMessage(method, path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private sealed record ArrangedCluster(TwoNodes Cluster, NamespaceOwner Ann) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Cluster.DisposeAsync();
    }
}
