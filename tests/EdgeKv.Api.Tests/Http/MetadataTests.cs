using System.Net;
using EdgeKv.Api.Http;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.Http;

/// <summary>Metadata: kept beside its value in the same commit, returned by GET and list, gone with the key.</summary>
public sealed class MetadataTests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static Action<HttpRequestMessage> Metadata(string json) => r => r.Headers.Add(KvHttpHeaders.Metadata, json);

    [Fact]
    public async Task Put_WithMetadata_GetAndListReturnIt()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        await api.PutTextAsync(ns, "user:1", "alice", configure: Metadata("""{"role":"admin","caf\u00e9":true}"""));
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "user:1"));
        using var list = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys");

        Assert.Equal("""{"role":"admin","caf\u00E9":true}""", get.Headers.GetValues(KvHttpHeaders.Metadata).Single());
        var listed = (await HttpApi.JsonAsync(list)).GetProperty("keys").EnumerateArray().Single();
        Assert.Equal("admin", listed.GetProperty("metadata").GetProperty("role").GetString());
        Assert.True(listed.GetProperty("metadata").GetProperty("café").GetBoolean());
    }

    [Fact]
    public async Task Put_WithMetadata_CompanionWrittenInSameCommitAndHiddenFromList()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, "k", "v", configure: Metadata("""{"a":1}"""));

        var entries = await ns.Store.GetManyAsync([KvKey.Of("k"), KvMetadataKeys.For("k")], cancellationToken: _ct);
        Assert.All(entries, e => Assert.Equal(put.Headers.ETag!.Tag.Trim('"'), e.Versionstamp.ToString()));
        using var list = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys");
        Assert.Equal(["k"], (await HttpApi.JsonAsync(list)).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Delete_KeyWithMetadata_DeletesCompanionToo()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "k", "v", configure: Metadata("""{"a":1}"""));

        using var delete = await api.SendAsync(HttpMethod.Delete, HttpApi.Value(ns, "k"), ns.WriteToken);

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.False((await ns.Store.GetAsync(KvMetadataKeys.For("k"), cancellationToken: _ct)).Exists);
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task Put_WithoutMetadata_RemovesPreviousMetadata()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "k", "v1", configure: Metadata("""{"a":1}"""));

        await api.PutTextAsync(ns, "k", "v2");
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "k"));

        Assert.False(get.Headers.Contains(KvHttpHeaders.Metadata));
        Assert.False((await ns.Store.GetAsync(KvMetadataKeys.For("k"), cancellationToken: _ct)).Exists);
    }

    [Fact]
    public async Task Get_ValueRewrittenByAnotherClient_OldMetadataNoLongerReturned()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "k", "v1", configure: Metadata("""{"a":1}"""));

        await ns.Store.SetAsync(KvKey.Of("k"), KvValue.Text("written by Deno"), cancellationToken: _ct);
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "k"));
        using var list = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys");

        Assert.False(get.Headers.Contains(KvHttpHeaders.Metadata));
        var listed = (await HttpApi.JsonAsync(list)).GetProperty("keys").EnumerateArray().Single();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("metadata").ValueKind);
    }

    [Fact]
    public async Task List_ManyKeysSomeWithMetadata_EachHasItsOwn()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var write = ns.Store.Atomic();
        for (var i = 0; i < 30; i++)
        {
            write.Set(KvKey.Of($"item{i:D2}"), KvValue.Text("v"));
            if (i % 3 == 0)
            {
                write.Set(KvMetadataKeys.For($"item{i:D2}"), KvValue.Json($$"""{"n":{{i}}}"""));
            }
        }

        await write.CommitAsync(_ct);

        using var list = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys?prefix=item&limit=20&cursor=item05");

        var keys = (await HttpApi.JsonAsync(list)).GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(20, keys.Count);
        foreach (var key in keys)
        {
            var n = int.Parse(key.GetProperty("key").GetString()!["item".Length..]);
            var metadata = key.GetProperty("metadata");
            int? expected = n % 3 == 0 ? n : null;
            int? actual = metadata.ValueKind == System.Text.Json.JsonValueKind.Null ? null : metadata.GetProperty("n").GetInt32();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void IsMetadataKey_CompanionAndOrdinaryKeys_TellsThemApart()
    {
        Assert.True(KvMetadataKeys.IsMetadataKey(KvMetadataKeys.For("k")));
        Assert.False(KvMetadataKeys.IsMetadataKey(KvKey.Of("k")));
        Assert.False(KvMetadataKeys.IsMetadataKey(KvKey.Of("edgekv:metadata", "k")));
        Assert.True(KvMetadataKeys.For("zzz").CompareTo(KvKey.Of("")) < 0); // sorts before every string key
    }
}
