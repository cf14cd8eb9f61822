using System.Net;
using System.Net.Http.Headers;
using EdgeKv.Api.Http;
using EdgeKv.Api.Tests.Support;

namespace EdgeKv.Api.Tests.Http;

/// <summary>If-None-Match: * and If-Match on writes: 409 and nothing written when they do not hold.</summary>
public sealed class ConditionalWriteTests(KvConnectServer server)
{
    private static Action<HttpRequestMessage> IfMatch(string tag) => r => r.Headers.TryAddWithoutValidation("If-Match", tag);

    private static Action<HttpRequestMessage> IfNoneMatchAny => r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);

    [Fact]
    public async Task Put_IfNoneMatchStarOnAbsentKey_Writes()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, "lock", "mine", configure: IfNoneMatchAny);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("mine", await api.GetTextAsync(ns, "lock"));
    }

    [Fact]
    public async Task Put_IfNoneMatchStarOnExistingKey_409AndValueKept()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "lock", "first");

        using var put = await api.PutTextAsync(ns, "lock", "second", configure: IfNoneMatchAny);

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Equal((KvHttpErrorCodes.Conflict, KvHttpErrors.KeyExists), await HttpApi.ErrorAsync(put));
        Assert.Equal("first", await api.GetTextAsync(ns, "lock"));
    }

    [Fact]
    public async Task Put_IfMatchCurrentETag_WritesAndReturnsNewETag()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        using var first = await api.PutTextAsync(ns, "counter", "1");

        using var second = await api.PutTextAsync(ns, "counter", "2", configure: IfMatch(first.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("2", await api.GetTextAsync(ns, "counter"));
    }

    [Fact]
    public async Task Put_IfMatchStaleETag_409AndNewerValueKept()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        using var first = await api.PutTextAsync(ns, "counter", "1");
        await api.PutTextAsync(ns, "counter", "2");

        using var lost = await api.PutTextAsync(ns, "counter", "lost update", configure: IfMatch(first.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Equal((KvHttpErrorCodes.Conflict, KvHttpErrors.VersionMismatch), await HttpApi.ErrorAsync(lost));
        Assert.Equal("2", await api.GetTextAsync(ns, "counter"));
    }

    [Fact]
    public async Task Put_IfMatchStarOnMissingKey_409AndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, "k", "v", configure: IfMatch("*"));

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Null(await api.GetTextAsync(ns, "k"));
    }

    [Theory]
    [InlineData("\"not-a-versionstamp\"")]
    [InlineData("\"0000000000000001\"")]
    public async Task Put_IfMatchNotAVersionstamp_400(string tag)
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, "k", "v", configure: IfMatch(tag));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(KvHttpErrors.InvalidIfMatch, (await HttpApi.ErrorAsync(put)).Message);
        Assert.Null(await api.GetTextAsync(ns, "k"));
    }

    [Fact]
    public async Task Put_BothPreconditions_400()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, "k", "v", configure: r =>
        {
            IfNoneMatchAny(r);
            IfMatch("*")(r);
        });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(KvHttpErrors.BothPreconditions, (await HttpApi.ErrorAsync(put)).Message);
    }

    [Fact]
    public async Task Delete_IfMatchStaleETag_409AndKeyKept()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        using var first = await api.PutTextAsync(ns, "k", "1");
        await api.PutTextAsync(ns, "k", "2");

        using var delete = await api.SendAsync(HttpMethod.Delete, HttpApi.Value(ns, "k"), ns.WriteToken, configure: IfMatch(first.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal("2", await api.GetTextAsync(ns, "k"));
    }

    [Fact]
    public async Task Put_ConcurrentIfNoneMatchStar_ExactlyOneWins()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => api.PutTextAsync(ns, "leader", "node" + i, configure: IfNoneMatchAny)));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = attempts.Single(r => r.StatusCode == HttpStatusCode.OK);
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "leader"));
        Assert.Equal(winner.Headers.ETag, get.Headers.ETag);
        foreach (var response in attempts)
        {
            response.Dispose();
        }
    }
}
