using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EdgeKv.Api.Hubs;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using KvValue = EdgeKv.Core.Values.KvValue;
using EdgeKv.Domain.Cluster;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Tokens;
using EdgeKv.Testing.Postgres;
using Google.Protobuf;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>
/// Each programmatic surface while its node's PostgreSQL server (admin database and engine) is stopped: the call is
/// answered at once with the clear 503 (<see cref="UnavailableAnswer"/>), whether the admin database failed (a token
/// never used before is looked up there; a namespace list is a domain query) or the engine did (a write, a read); once
/// the server is started again the same call succeeds, with the same node.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class StorageOutageTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ValueRead_TokenNeverUsed_ServerStopped_503Unavailable_ThenTheSameReadSucceeds()
    {
        // Arrange: a value written with one token; a second token made but never used, so the node has not cached it.
        await using var node = await StartNodeAsync();
        var (ann, _, ns, writer) = await node.CreateNamespaceOwnerAsync("ann");
        var reader = await node.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadOnly);
        using var http = node.CreateHttpClient();
        using (var put = await http.SendAsync(Put(ns, "k", "stored", writer.Secret), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        // Act
        var (during, after) = await DuringAndAfterOutageAsync(node, () => http.SendAsync(Get(ns, "k", reader.Secret), Ct));

        // Assert
        await UnavailableAnswer.AssertJsonAsync(during);
        Assert.Equal((HttpStatusCode.OK, "stored"), (after.StatusCode, await after.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task ValueWrite_ServerStopped_503Unavailable_NothingWritten_ThenTheSameWriteSucceeds()
    {
        // Arrange: the token in use already (cached), so the write reaches the engine.
        await using var node = await StartNodeAsync();
        var (ann, _, ns, writer) = await node.CreateNamespaceOwnerAsync("ann");
        using var http = node.CreateHttpClient();
        using (var first = await http.SendAsync(Put(ns, "k", "first", writer.Secret), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Act
        var store = await node.StoreAsync(ns);
        var (during, after) = await DuringAndAfterOutageAsync(
            node,
            () => http.SendAsync(Put(ns, "k", "second", writer.Secret), Ct),
            afterOutage: async () => Assert.Equal("first", (await store.GetAsync(KvKey.Of("k"), cancellationToken: Ct)).Value!.AsText()));

        // Assert
        await UnavailableAnswer.AssertJsonAsync(during);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("second", (await store.GetAsync(KvKey.Of("k"), cancellationToken: Ct)).Value!.AsText());
    }

    [Fact]
    public async Task NamespaceList_AccountToken_ServerStopped_503Unavailable_ThenTheSameListSucceeds()
    {
        // Arrange: an account token in use already; the list itself is a query of the admin database.
        await using var node = await StartNodeAsync();
        var (ann, _, ns, _) = await node.CreateNamespaceOwnerAsync("ann", "listed");
        var account = await node.CreateAccountTokenAsync(ann, AccessTokenPermission.ReadOnly);
        using var http = node.CreateHttpClient();
        using (var first = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/namespaces", account.Secret), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Act
        var (during, after) = await DuringAndAfterOutageAsync(node, () => http.SendAsync(Request(HttpMethod.Get, "/api/v1/namespaces", account.Secret), Ct));

        // Assert
        await UnavailableAnswer.AssertJsonAsync(during);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var listed = JsonDocument.Parse(await after.Content.ReadAsStringAsync(Ct));
        Assert.Equal(ns.StoreId, Assert.Single(listed.RootElement.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task KvConnect_MetadataExchangeWithANewToken_AndSnapshotRead_ServerStopped_503PlainText_ThenBothSucceed()
    {
        // Arrange: the database id from a metadata exchange with a token in use; a second token never used.
        await using var node = await StartNodeAsync();
        var (ann, _, ns, used) = await node.CreateNamespaceOwnerAsync("ann");
        var fresh = await node.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadOnly);
        using var http = node.CreateHttpClient();
        string databaseId;
        using (var exchange = await http.SendAsync(MetadataExchange(ns, used.Secret), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
            using var metadata = JsonDocument.Parse(await exchange.Content.ReadAsStringAsync(Ct));
            databaseId = metadata.RootElement.GetProperty("databaseId").GetString()!;
        }

        // Act
        var (exchangeDuring, exchangeAfter) = await DuringAndAfterOutageAsync(node, () => http.SendAsync(MetadataExchange(ns, fresh.Secret), Ct));
        var (readDuring, readAfter) = await DuringAndAfterOutageAsync(node, () => http.SendAsync(SnapshotRead(ns, used.Secret, databaseId), Ct));

        // Assert
        await UnavailableAnswer.AssertPlainTextAsync(exchangeDuring);
        await UnavailableAnswer.AssertPlainTextAsync(readDuring);
        Assert.Equal(HttpStatusCode.OK, exchangeAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readAfter.StatusCode);
        Assert.Single(SnapshotReadOutput.Parser.ParseFrom(await readAfter.Content.ReadAsByteArrayAsync(Ct)).Ranges);
    }

    [Fact]
    public async Task WatchHub_TokenNeverUsed_ServerStopped_HubExceptionWithTheMessage_ThenTheSameWatchStarts()
    {
        // Arrange: connected to the hub (connecting does not look the token up; each call does).
        await using var node = await StartNodeAsync();
        var (ann, _, ns, _) = await node.CreateNamespaceOwnerAsync("ann");
        var token = await node.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadOnly);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(node.Http1Url + KvWatchHubEndpointRouteBuilderExtensions.Path, options => options.AccessTokenProvider = () => Task.FromResult<string?>(token.Secret))
            .Build();
        await hub.StartAsync(Ct);

        // Act
        var (during, after) = await DuringAndAfterOutageAsync(node, () => FirstWatchEventAsync(hub, ns));

        // Assert
        var refusal = Assert.IsType<HubException>(during.Failure);
        Assert.Contains(KvErrors.StorageUnavailable, refusal.Message, StringComparison.Ordinal);
        Assert.Null(after.Failure);
        Assert.True(after.Event!.Value.GetProperty("initial").GetBoolean());
    }

    [Fact]
    public async Task Deno_ReadAndWriteDuringTheOutage_TheClientRetriesThe503_BothCompleteOnceTheServerIsBack()
    {
        // Arrange: the real Deno client connected and working.
        await using var node = await StartNodeAsync();
        var (ann, _, ns, token) = await node.CreateNamespaceOwnerAsync("ann");
        var store = await node.StoreAsync(ns);
        await store.SetAsync(KvKey.Of("conn", "read"), KvValue.Text("stored"), cancellationToken: Ct);
        await using var deno = ClientProcess.StartDeno("reconnect.ts", token.Secret, node.ScriptEnvironmentFor(ns));
        Assert.Equal(JsonValueKind.Null, (await deno.NextAsync(Ct)).GetProperty("writeError").ValueKind);
        var reconnected = node.Services.GetRequiredService<ClusterEventListener>().NextConnection;

        // Act: Deno reads and writes while the server is stopped; it logs each 503 with its body and tries again.
        await postgres.Server.StopAsync();
        try
        {
            await deno.SendLineAsync("outage");
            await deno.WaitForStderrAsync(KvErrors.StorageUnavailable, Ct);
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }

        await reconnected.WaitAsync(ReconnectTimeout, Ct);
        var after = await deno.NextAsync(Ct);

        // Assert: neither call failed; the read has the value and the write is stored.
        Assert.Equal(JsonValueKind.Null, after.GetProperty("readError").ValueKind);
        Assert.Equal("stored", after.GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("writeError").ValueKind);
        Assert.True((await store.GetAsync(KvKey.Of("conn", "after"), cancellationToken: Ct)).Exists);
    }

    private async Task<DomainKvConnectServer> StartNodeAsync() =>
        await DomainKvConnectServer.StartNodeAsync(await postgres.Server.CreateDatabaseAsync());

    /// <summary>
    /// Makes the call with the server stopped, then starts the server again, waits until the node's cluster listener is
    /// connected again (by then the node has dropped the connections the stop broke) and makes the same call again.
    /// The server is started again even when something fails, so the next test finds it running.
    /// </summary>
    private async Task<(T During, T After)> DuringAndAfterOutageAsync<T>(DomainKvConnectServer node, Func<Task<T>> call, Func<Task>? afterOutage = null)
    {
        var reconnected = node.Services.GetRequiredService<ClusterEventListener>().NextConnection;
        await postgres.Server.StopAsync();
        T during;
        try
        {
            during = await call();
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }

        await reconnected.WaitAsync(ReconnectTimeout, Ct);
        if (afterOutage is not null)
        {
            await afterOutage();
        }

        return (during, await call());
    }

    private static async Task<(JsonElement? Event, Exception? Failure)> FirstWatchEventAsync(HubConnection hub, NamespaceView ns)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        try
        {
            await foreach (var item in hub.StreamAsync<JsonElement>("WatchKeys", ns.StoreId, new[] { "k" }, stop.Token))
            {
                await stop.CancelAsync();
                return (item, null);
            }

            return (null, null);
        }
        catch (HubException e)
        {
            return (null, e);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        // The node's KV Connect listener speaks HTTP/2 only (Deno's client); a hand-made request must ask for it.
        var request = new HttpRequestMessage(method, path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static HttpRequestMessage Put(NamespaceView ns, string key, string value, string token)
    {
        var request = Request(HttpMethod.Put, $"/api/v1/namespaces/{ns.StoreId}/values/{key}", token);
        request.Content = new StringContent(value, Encoding.UTF8, "text/plain");
        return request;
    }

    private static HttpRequestMessage Get(NamespaceView ns, string key, string token) =>
        Request(HttpMethod.Get, $"/api/v1/namespaces/{ns.StoreId}/values/{key}?type=text", token);

    private static HttpRequestMessage MetadataExchange(NamespaceView ns, string token)
    {
        var request = Request(HttpMethod.Post, $"/kv/connect/{ns.StoreId}", token);
        request.Content = new StringContent("""{"supportedVersions":[2,3]}""", Encoding.UTF8, "application/json");
        return request;
    }

    private static HttpRequestMessage SnapshotRead(NamespaceView ns, string token, string databaseId)
    {
        var prefix = KvKey.Of("k").Encode();
        var read = new SnapshotRead { Ranges = { new ReadRange { Start = ByteString.CopyFrom([.. prefix, 0x00]), End = ByteString.CopyFrom([.. prefix, 0xFF]), Limit = 10 } } };
        var request = Request(HttpMethod.Post, $"/kv/connect/{ns.StoreId}/snapshot_read", token);
        request.Content = new ByteArrayContent(read.ToByteArray());
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        request.Headers.Add("x-denokv-database-id", databaseId);
        request.Headers.Add("x-denokv-version", "3");
        return request;
    }
}
