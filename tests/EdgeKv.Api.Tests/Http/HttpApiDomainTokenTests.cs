using System.Net;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Client;
using EdgeKv.Core.Keys;
using EdgeKv.Domain.Tokens;

namespace EdgeKv.Api.Tests.Http;

/// <summary>
/// The HTTP API authorized by the real domain (<see cref="Api.Access.DomainKvAccessResolver"/>): users approved,
/// namespaces created and tokens issued through the domain services, requests sent over HTTP/2 by the .NET client.
/// </summary>
public sealed class HttpApiDomainTokenTests(DomainKvConnectServer server) : IClassFixture<DomainKvConnectServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Client_ReadWriteToken_WritesReadsListsDeletes_UseCountedNotAudited()
    {
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        using var http = server.CreateHttpClient();
        var kv = new EdgeKvClient(http, ns.StoreId, token.Secret);

        await kv.PutAsync("greeting", "hello", new EdgeKvPutOptions { Metadata = new { lang = "en" } }, Ct);
        var entry = await kv.GetEntryAsync("greeting", Ct);
        var page = await kv.ListAsync(cancellationToken: Ct);
        await kv.DeleteAsync("greeting", cancellationToken: Ct);

        Assert.Equal("hello", entry?.AsText());
        Assert.Equal("en", entry?.Metadata?.GetProperty("lang").GetString());
        Assert.Equal(["greeting"], page.Keys.Select(k => k.Key));
        Assert.False((await (await server.StoreAsync(ns)).GetAsync(KvKey.Of("greeting"), cancellationToken: Ct)).Exists);
        var used = await server.TokenAfterFlushAsync(token.Token.Id);
        Assert.NotNull(used.LastUsedAt);
        Assert.Equal((2L, 2L, 5L), (used.ReadCount, used.WriteCount, used.BytesWritten)); // "hello": the metadata is not counted
        Assert.Empty(await server.AuditOfTokenAsync(token.Token.Id));
    }

    [Fact]
    public async Task Client_ReadOnlyToken_ReadsAndWatchesButWritesAreRefused()
    {
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        await (await server.StoreAsync(ns)).SetAsync(KvKey.Of("k"), Core.Values.KvValue.Text("original"), cancellationToken: Ct);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadOnly);
        using var http = server.CreateHttpClient();
        var kv = new EdgeKvClient(http, ns.StoreId, token.Secret);

        var read = await kv.GetTextAsync("k", Ct);
        await using var watch = kv.WatchAsync(["k"], cancellationToken: Ct).GetAsyncEnumerator(Ct);
        Assert.True(await watch.MoveNextAsync());
        var refused = await Assert.ThrowsAsync<EdgeKvException>(() => kv.PutAsync("k", "changed", cancellationToken: Ct));

        Assert.Equal("original", read);
        Assert.Equal("original", watch.Current.Keys.Single().AsText());
        Assert.Equal((HttpStatusCode.Forbidden, "read_only"), (refused.StatusCode, refused.Code));
        Assert.Equal("original", await kv.GetTextAsync("k", Ct));
    }

    [Fact]
    public async Task Client_TokenOfAnotherUsersNamespace_Forbidden()
    {
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var (bob, _) = await server.CreateOpenUserAsync("bob");
        var annsNamespace = await server.CreateNamespaceAsync(ann);
        var bobsNamespace = await server.CreateNamespaceAsync(bob);
        var bobsToken = await server.CreateTokenAsync(bob, bobsNamespace, AccessTokenPermission.ReadWrite);
        using var http = server.CreateHttpClient();
        var kv = new EdgeKvClient(http, annsNamespace.StoreId, bobsToken.Secret);

        var refused = await Assert.ThrowsAsync<EdgeKvException>(() => kv.PutAsync("k", "from bob", cancellationToken: Ct));

        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (refused.StatusCode, refused.Code));
        Assert.False((await (await server.StoreAsync(annsNamespace)).GetAsync(KvKey.Of("k"), cancellationToken: Ct)).Exists);
    }
}
