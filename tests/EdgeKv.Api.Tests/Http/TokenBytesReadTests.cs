using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EdgeKv.Api.Hubs;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Client;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;
using Microsoft.AspNetCore.SignalR.Client;

namespace EdgeKv.Api.Tests.Http;

/// <summary>
/// A token's bytes read through the HTTP API and its watches, authorized by the real domain: the stored bytes of every
/// value returned to the program, the measure of bytes written; a missing key, a key listing and a 304 count nothing.
/// </summary>
public sealed class TokenBytesReadTests(DomainKvConnectServer server) : IClassFixture<DomainKvConnectServer>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BytesRead_GetsOfKnownSizes_CountReturnedValuesOnly()
    {
        // Arrange: 1000 raw bytes beside the API, and "héllo" (6 bytes of UTF-8) with metadata through it.
        var owner = await server.CreateNamespaceOwnerAsync("ann");
        await (await server.StoreAsync(owner.Namespace)).SetAsync(KvKey.Of("a"), KvValue.Bytes(new byte[1000]), cancellationToken: Ct);
        using var http = server.CreateHttpClient();
        var kv = new EdgeKvClient(http, owner.Namespace.StoreId, owner.Token.Secret);
        var written = await kv.PutAsync("t", "héllo", new EdgeKvPutOptions { Metadata = new { lang = "fr" } }, Ct);

        // Act
        var bytes = await kv.GetBytesAsync("a", Ct);
        var entry = await kv.GetEntryAsync("t", Ct);
        var missing = await kv.GetTextAsync("missing", Ct);
        var listed = await kv.ListAsync(cancellationToken: Ct);
        using var unchanged = await GetIfNoneMatchAsync(http, owner, "t", $"\"{written}\"");

        // Assert: what the program was given, and what its token counted for it.
        Assert.Equal(1000, bytes?.Length);
        Assert.Equal(("héllo", "fr"), (entry?.AsText(), entry?.Metadata?.GetProperty("lang").GetString()));
        Assert.Null(missing);
        Assert.Equal(["a", "t"], listed.Keys.Select(k => k.Key));
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        var used = await server.TokenAfterFlushAsync(owner.Token.Token.Id);
        Assert.Equal((6L, 1006L), (used.BytesWritten, used.BytesRead)); // keys and metadata are not counted
    }

    [Fact]
    public async Task BytesRead_SseWatch_EachDeliveredValueCounted()
    {
        // Arrange
        var owner = await server.CreateNamespaceOwnerAsync("ann");
        var store = await server.StoreAsync(owner.Namespace);
        await store.SetAsync(KvKey.Of("w"), KvValue.Bytes(new byte[200]), cancellationToken: Ct);
        using var http = server.CreateHttpClient();
        var kv = new EdgeKvClient(http, owner.Namespace.StoreId, owner.Token.Secret);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(Bound);
        await using var watch = kv.WatchAsync(["w"], cancellationToken: bound.Token).GetAsyncEnumerator(bound.Token);
        Assert.True(await watch.MoveNextAsync());
        var first = watch.Current.Keys.Single().AsBytes()?.Length;

        // Act: a change of the value, then its deletion (an event without a value).
        await store.SetAsync(KvKey.Of("w"), KvValue.Bytes(new byte[50]), cancellationToken: Ct);
        Assert.True(await watch.MoveNextAsync());
        var changed = watch.Current.Keys.Single().AsBytes()?.Length;
        await store.DeleteAsync(KvKey.Of("w"), cancellationToken: Ct);
        Assert.True(await watch.MoveNextAsync());

        // Assert
        Assert.Equal((200, 50, true), (first, changed, watch.Current.Keys.Single().Deleted));
        Assert.Equal(250L, (await server.TokenAfterFlushAsync(owner.Token.Token.Id)).BytesRead);
    }

    [Fact]
    public async Task BytesRead_HubWatch_TheFirstStateCounted()
    {
        // Arrange
        var owner = await server.CreateNamespaceOwnerAsync("ann");
        await (await server.StoreAsync(owner.Namespace)).SetAsync(KvKey.Of("w"), KvValue.Bytes(new byte[120]), cancellationToken: Ct);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(server.Http1Url + KvWatchHubEndpointRouteBuilderExtensions.Path, o => o.AccessTokenProvider = () => Task.FromResult<string?>(owner.Token.Secret))
            .Build();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(Bound);
        await hub.StartAsync(bound.Token);

        // Act
        await using var stream = hub.StreamAsync<JsonElement>("WatchKeys", owner.Namespace.StoreId, new[] { "w" }, bound.Token).GetAsyncEnumerator(bound.Token);
        Assert.True(await stream.MoveNextAsync());

        // Assert: 120 bytes, base64 in the event, counted as stored.
        Assert.Equal(120, Convert.FromBase64String(stream.Current.GetProperty("keys")[0].GetProperty("value").GetString()!).Length);
        Assert.Equal(120L, (await server.TokenAfterFlushAsync(owner.Token.Token.Id)).BytesRead);
    }

    private static Task<HttpResponseMessage> GetIfNoneMatchAsync(HttpClient http, NamespaceOwner owner, string key, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/{owner.Namespace.StoreId}/values/{key}")
        {
            Version = http.DefaultRequestVersion,
            VersionPolicy = http.DefaultVersionPolicy,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", owner.Token.Secret);
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        return http.SendAsync(request, Ct);
    }
}
