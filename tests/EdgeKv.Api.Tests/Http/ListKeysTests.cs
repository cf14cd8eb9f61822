using System.Net;
using System.Text.Json;
using EdgeKv.Api.Http;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.Http;

/// <summary>GET .../keys: string-prefix semantics, byte order, resumable cursors, limits.</summary>
public sealed class ListKeysTests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static async Task<(bool Complete, string? Cursor, List<string> Keys)> PageAsync(HttpApi api, TestNamespace ns, string query)
    {
        using var response = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await HttpApi.JsonAsync(response);
        var cursor = json.GetProperty("cursor");
        return (json.GetProperty("complete").GetBoolean(),
            cursor.ValueKind == JsonValueKind.Null ? null : cursor.GetString(),
            json.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("key").GetString()!).ToList());
    }

    private async Task WriteAsync(TestNamespace ns, params string[] keys)
    {
        var write = ns.Store.Atomic();
        foreach (var key in keys)
        {
            write.Set(KvKey.Of(key), KvValue.Text(key));
        }

        await write.CommitAsync(_ct);
    }

    [Fact]
    public async Task List_StringPrefix_MatchesKeysStartingWithItInByteOrder()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await WriteAsync(ns, "b", "abc", "a", "ab", "ä", "a\u0000", "b-not");
        await ns.Store.SetAsync(KvKey.Of("a", "tuple"), KvValue.Text("Deno's two-part key"), cancellationToken: _ct);

        var page = await PageAsync(api, ns, "?prefix=a");

        Assert.True(page.Complete);
        Assert.Null(page.Cursor);
        Assert.Equal(["a", "a\u0000", "ab", "abc"], page.Keys);
    }

    [Fact]
    public async Task List_NoPrefix_EveryStringKeyWithExpirationNullWhenNone()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await WriteAsync(ns, "z", "a", "é");
        await ns.Store.SetAsync(KvKey.Of(7), KvValue.Text("number key"), cancellationToken: _ct);

        using var response = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys");

        var keys = (await HttpApi.JsonAsync(response)).GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(["a", "z", "é"], keys.Select(k => k.GetProperty("key").GetString()));
        Assert.All(keys, k => Assert.Equal(JsonValueKind.Null, k.GetProperty("expiration").ValueKind));
    }

    [Fact]
    public async Task List_PagesByCursor_VisitsEveryKeyOnceEvenWithWritesBetweenPages()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var all = Enumerable.Range(0, 25).Select(i => $"k{i:D2}").ToArray();
        await WriteAsync(ns, all);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await PageAsync(api, ns, "?prefix=k&limit=10" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.Keys);
            cursor = page.Complete ? null : page.Cursor;
            pages++;
            await ns.Store.SetAsync(KvKey.Of("a-before-every-page"), KvValue.Text("x"), cancellationToken: _ct);
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task List_DefaultLimit_Is1000()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await WriteAsync(ns, Enumerable.Range(0, 1000).Select(i => $"k{i:D4}").ToArray());
        await WriteAsync(ns, Enumerable.Range(1000, 1).Select(i => $"k{i:D4}").ToArray());

        var page = await PageAsync(api, ns, "");

        Assert.Equal(KvHttpLimits.MaxListLimit, page.Keys.Count);
        Assert.False(page.Complete);
        Assert.Equal("k1000", page.Cursor);
    }

    [Theory]
    [InlineData("1001")]
    [InlineData("0")]
    [InlineData("ten")]
    public async Task List_LimitOutside1To1000_400(string limit)
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys?limit=" + limit);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((KvHttpErrorCodes.InvalidRequest, KvHttpErrors.ListLimit), await HttpApi.ErrorAsync(response));
    }

    [Fact]
    public async Task List_CursorOutsidePrefix_400WithEngineMessage()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys?prefix=a&cursor=b");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvErrors.InvalidCursor, (await HttpApi.ErrorAsync(response)).Message);
    }

    [Fact]
    public async Task List_PrefixLongerThanAnyKey_400()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await api.GetAsync(ns, HttpApi.Base(ns) + "/keys?prefix=" + new string('p', 513));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvHttpErrors.PrefixTooLong, (await HttpApi.ErrorAsync(response)).Message);
    }
}
