using System.Net;
using System.Text;
using System.Text.Json;
using EdgeKv.Api.Tests.Support;

namespace EdgeKv.Api.Tests.Http;

/// <summary>
/// Resuming a prefix watch (SSE) from a versionstamp: what changed while the client was away, deletions included,
/// and a fresh start when the store no longer remembers deletions that far back.
/// </summary>
public sealed class WatchResumeTests(KvConnectServer server)
{
    private static async Task<SseStream> WatchAsync(HttpApi api, TestNamespace ns, string query)
    {
        var response = await api.SendAsync(HttpMethod.Get, HttpApi.Base(ns) + "/watch" + query, ns.ReadToken,
            completion: HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new SseStream(response);
    }

    private static string Versionstamp(HttpResponseMessage write) => write.Headers.ETag!.Tag.Trim('"');

    private static Task<HttpResponseMessage> DeleteAsync(HttpApi api, TestNamespace ns, string key) =>
        api.SendAsync(HttpMethod.Delete, HttpApi.Value(ns, key), ns.WriteToken);

    [Fact]
    public async Task WatchPrefix_ResumeAfterDeletionsWhileAway_ReportsTheDeletedKeys()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "p/gone", "1");
        await api.PutTextAsync(ns, "p/back", "2");
        await api.PutTextAsync(ns, "p/kept", "3");
        await api.PutTextAsync(ns, "q/outside", "4");
        using var seen = await api.PutTextAsync(ns, "p/seen", "5");

        (await DeleteAsync(api, ns, "p/gone")).Dispose();
        (await DeleteAsync(api, ns, "p/back")).Dispose();
        (await api.PutTextAsync(ns, "p/back", "again")).Dispose();
        (await DeleteAsync(api, ns, "q/outside")).Dispose();
        using var watch = await WatchAsync(api, ns, "?prefix=p/&after=" + Versionstamp(seen));
        var catchUp = await watch.NextEventAsync();

        Assert.False(catchUp.Data.GetProperty("initial").GetBoolean());
        Assert.Equal(["p/back", "p/gone"], catchUp.KeyNames.Order());
        Assert.Equal("again", catchUp.Key("p/back").GetProperty("value").GetString());
        Assert.True(catchUp.Key("p/gone").GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task WatchPrefix_ResumeWhenOnlyDeletionsHappened_SendsThemThenLiveEvents()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "p/a", "1");
        using var seen = await api.PutTextAsync(ns, "p/b", "2");
        using var deleted = await DeleteAsync(api, ns, "p/a");

        using var watch = await WatchAsync(api, ns, "?prefix=p/&after=" + Versionstamp(seen));
        var catchUp = await watch.NextEventAsync();
        using var live = await DeleteAsync(api, ns, "p/b");
        var change = await watch.NextEventAsync();

        Assert.Equal(["p/a"], catchUp.KeyNames);
        Assert.True(catchUp.Key("p/a").GetProperty("deleted").GetBoolean());
        Assert.Equal(Versionstamp(live), change.Id);
        Assert.Equal(["p/b"], change.KeyNames);
        Assert.True(change.Key("p/b").GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task WatchPrefix_ResumeFromBeforeForgottenDeletions_StartsOverWithTheFullState()
    {
        // The test host keeps 16 KiB of deletions per store (24 bytes per "p/nnnn"): a bulk delete of 1,001 keys is too much.
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var many = Enumerable.Range(0, 1_001).Select(i => $"p/{i:D4}").ToArray();
        (await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken,
            Json(many.Select(k => new { key = k, value = "v" }).Append(new { key = "p/stays", value = "here" })))).Dispose();
        using var seen = await api.PutTextAsync(ns, "q/mark", "x");
        (await api.SendAsync(HttpMethod.Post, HttpApi.Base(ns) + "/bulk/delete", ns.WriteToken, Json(many))).Dispose();

        using var watch = await WatchAsync(api, ns, "?prefix=p/&after=" + Versionstamp(seen));
        var first = await watch.NextEventAsync();

        Assert.True(first.Data.GetProperty("initial").GetBoolean());
        Assert.Equal(["p/stays"], first.KeyNames);
    }

    [Fact]
    public async Task WatchPrefix_ResumeFromAVersionstampTheStoreNeverReached_StartsOverWithTheFullState()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "p/a", "1");

        using var watch = await WatchAsync(api, ns, "?prefix=p/&after=7fffffffffffffff0000");
        var first = await watch.NextEventAsync();

        Assert.True(first.Data.GetProperty("initial").GetBoolean());
        Assert.Equal(["p/a"], first.KeyNames);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
