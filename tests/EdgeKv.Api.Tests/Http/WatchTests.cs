using System.Net;
using System.Text.Json;
using EdgeKv.Api.Http;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.Http;

/// <summary>GET .../watch: Server-Sent Events for keys (Deno semantics) and prefixes, resumable from a versionstamp.</summary>
public sealed class WatchTests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static async Task<SseStream> WatchAsync(HttpApi api, TestNamespace ns, string query, string? lastEventId = null)
    {
        var response = await api.SendAsync(HttpMethod.Get, HttpApi.Base(ns) + "/watch" + query, ns.ReadToken,
            configure: r =>
            {
                if (lastEventId is not null)
                {
                    r.Headers.Add("Last-Event-ID", lastEventId);
                }
            },
            completion: HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseStream(response);
    }

    [Fact]
    public async Task WatchKeys_FirstEventIsCurrentStateThenOneEventPerChange()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var written = await ns.Store.SetAsync(KvKey.Of("a"), KvValue.Text("one"), cancellationToken: _ct);
        using var watch = await WatchAsync(api, ns, "?key=a&key=b");

        var initial = await watch.NextEventAsync();
        using var put = await api.PutTextAsync(ns, "b", "two");
        var change = await watch.NextEventAsync();

        Assert.Equal(("change", null), (initial.Name, initial.Id));
        Assert.True(initial.Data.GetProperty("initial").GetBoolean());
        Assert.Equal(["a", "b"], initial.KeyNames);
        Assert.Equal(("one", "text", written.ToString()), (initial.Key("a").GetProperty("value").GetString(),
            initial.Key("a").GetProperty("encoding").GetString(), initial.Key("a").GetProperty("versionstamp").GetString()));
        Assert.True(initial.Key("b").GetProperty("deleted").GetBoolean());
        var versionstamp = put.Headers.ETag!.Tag.Trim('"');
        Assert.Equal(("change", versionstamp, versionstamp), (change.Name, change.Id, change.Data.GetProperty("versionstamp").GetString()));
        Assert.False(change.Data.GetProperty("initial").GetBoolean());
        Assert.Equal(["b"], change.KeyNames);
        Assert.Equal("two", change.Key("b").GetProperty("value").GetString());
    }

    [Fact]
    public async Task WatchKeys_UnwatchedKeyChanges_NoEventUntilAWatchedOneDoes()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        using var watch = await WatchAsync(api, ns, "?key=a");
        await watch.NextEventAsync();

        await api.PutTextAsync(ns, "other", "x");
        await api.SendAsync(HttpMethod.Delete, HttpApi.Value(ns, "never-there-either"), ns.WriteToken);
        await ns.Store.SetAsync(KvKey.Of("a"), KvValue.Json("""{"n": 1}"""), cancellationToken: _ct);
        var change = await watch.NextEventAsync();

        Assert.Equal(["a"], change.KeyNames);
        Assert.Equal("json", change.Key("a").GetProperty("encoding").GetString());
        Assert.Equal(1, change.Key("a").GetProperty("value").GetProperty("n").GetInt32());
        Assert.Contains("\"value\":{\"n\":1}", change.RawData); // stored JSON re-written compactly, on one line
    }

    [Fact]
    public async Task WatchKeys_Delete_EventMarksKeyDeleted()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "a", "1");
        using var watch = await WatchAsync(api, ns, "?key=a");
        await watch.NextEventAsync();

        using var delete = await api.SendAsync(HttpMethod.Delete, HttpApi.Value(ns, "a"), ns.WriteToken);
        var change = await watch.NextEventAsync();

        Assert.Equal(delete.Headers.ETag!.Tag.Trim('"'), change.Id);
        Assert.True(change.Key("a").GetProperty("deleted").GetBoolean());
        Assert.False(change.Key("a").TryGetProperty("value", out _));
    }

    [Fact]
    public async Task WatchPrefix_ChangesUnderPrefixOnly_OneEventPerCommitWithEveryChangedKey()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "user:1", "alice");
        using var watch = await WatchAsync(api, ns, "?prefix=user:");

        var initial = await watch.NextEventAsync();
        await api.PutTextAsync(ns, "order:1", "not watched");
        var bulk = """[{"key":"user:2","value":"bob"},{"key":"user:3","value":"AAE=","base64":true},{"key":"users","value":"not under user:"}]""";
        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken,
            new StringContent(bulk, System.Text.Encoding.UTF8, "application/json"));
        var change = await watch.NextEventAsync();

        Assert.True(initial.Data.GetProperty("initial").GetBoolean());
        Assert.Equal(["user:1"], initial.KeyNames);
        Assert.Equal((await HttpApi.JsonAsync(put)).GetProperty("versionstamp").GetString(), change.Id);
        Assert.Equal(["user:2", "user:3"], change.KeyNames.Order());
        Assert.Equal("bytes", change.Key("user:3").GetProperty("encoding").GetString());
        Assert.Equal(new byte[] { 0, 1 }, change.Key("user:3").GetProperty("value").GetBytesFromBase64());
    }

    [Fact]
    public async Task WatchPrefix_ResumeWithAfter_FirstSendsOnlyKeysChangedSinceThen()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "p/old", "seen before");
        using var seen = await api.PutTextAsync(ns, "p/seen", "seen before too");
        var resumeFrom = seen.Headers.ETag!.Tag.Trim('"');
        await api.PutTextAsync(ns, "p/missed", "written while away");
        await api.PutTextAsync(ns, "q/other", "not under p/");

        using var watch = await WatchAsync(api, ns, "?prefix=p/&after=" + resumeFrom);
        var catchUp = await watch.NextEventAsync();
        using var live = await api.PutTextAsync(ns, "p/live", "after resuming");
        var change = await watch.NextEventAsync();

        Assert.False(catchUp.Data.GetProperty("initial").GetBoolean());
        Assert.Null(catchUp.Id);
        Assert.Equal(["p/missed"], catchUp.KeyNames);
        Assert.Equal(live.Headers.ETag!.Tag.Trim('"'), change.Id);
        Assert.Equal(["p/live"], change.KeyNames);
    }

    [Fact]
    public async Task WatchKeys_ResumeWithLastEventIdOfLastChange_NothingMissedNothingRepeated()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        using var first = await WatchAsync(api, ns, "?key=a&key=b");
        await first.NextEventAsync();
        await api.PutTextAsync(ns, "a", "1");
        var lastSeen = await first.NextEventAsync();
        first.Dispose();

        using var missed = await api.PutTextAsync(ns, "b", "written while away");
        using var resumed = await WatchAsync(api, ns, "?key=a&key=b", lastEventId: lastSeen.Id);
        var catchUp = await resumed.NextEventAsync();

        Assert.Equal(["b"], catchUp.KeyNames);
        Assert.Equal(missed.Headers.ETag!.Tag.Trim('"'), catchUp.Key("b").GetProperty("versionstamp").GetString());
    }

    [Fact]
    public async Task Watch_Idle_SendsKeepAliveComments()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        using var watch = await WatchAsync(api, ns, "?key=quiet");
        await watch.NextEventAsync();

        await watch.WaitForCommentsAsync(watch.Comments + 2);

        Assert.True(watch.Comments >= 3); // the opening comment and two keep-alives
    }

    [Fact]
    public async Task Watch_ClientDisconnectsMidStream_LaterWritesAndWatchesUnaffected()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var watch = await WatchAsync(api, ns, "?prefix=");
        await watch.NextEventAsync();

        watch.Dispose();
        for (var i = 0; i < 20; i++)
        {
            await api.PutTextAsync(ns, "k" + i, "v");
        }

        using var again = await WatchAsync(api, ns, "?key=k19");
        Assert.Equal("v", (await again.NextEventAsync()).Key("k19").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Watch_NamespaceDeletedMidStream_StreamEnds()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        using var watch = await WatchAsync(api, ns, "?prefix=");
        await watch.NextEventAsync();

        await server.Tokens.Registry.DeleteNamespaceAsync(ns.Id, _ct);

        var ended = await Assert.ThrowsAsync<InvalidOperationException>(watch.NextEventAsync);
        Assert.Equal("The stream ended before the next event.", ended.Message);
    }

    [Fact]
    public async Task Watch_ElevenKeys_400WithEngineMessage()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var query = "?" + string.Join('&', Enumerable.Range(0, KvLimits.MaxWatchedKeys + 1).Select(i => "key=k" + i));

        using var response = await api.GetAsync(ns, HttpApi.Base(ns) + "/watch" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvErrors.TooManyWatchedKeys, (await HttpApi.ErrorAsync(response)).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?key=a&prefix=b")]
    public async Task Watch_NeitherOrBothSelectors_400(string query)
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await api.GetAsync(ns, HttpApi.Base(ns) + "/watch" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvHttpErrors.WatchSelector, (await HttpApi.ErrorAsync(response)).Message);
    }

    [Fact]
    public async Task Watch_AfterNotAVersionstamp_400()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var response = await api.GetAsync(ns, HttpApi.Base(ns) + "/watch?key=a&after=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(KvHttpErrors.InvalidAfter, (await HttpApi.ErrorAsync(response)).Message);
    }

    [Fact]
    public async Task WatchKeys_ValueWithNewlines_DataStaysOneLine()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "poem", "line one\nline two\r\n\ndata: not an injected field");

        using var watch = await WatchAsync(api, ns, "?key=poem");
        var initial = await watch.NextEventAsync();

        Assert.Equal("line one\nline two\r\n\ndata: not an injected field", initial.Key("poem").GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Object, initial.Data.ValueKind);
    }
}
