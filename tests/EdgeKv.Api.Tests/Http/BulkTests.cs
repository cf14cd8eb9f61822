using System.Net;
using System.Text;
using System.Text.Json;
using EdgeKv.Api.Http;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.Http;

/// <summary>PUT .../bulk and POST .../bulk/delete: up to 10,000 items in one atomic commit, all or nothing.</summary>
public sealed class BulkTests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static object[] TextItems(int count) =>
        Enumerable.Range(0, count).Select(i => (object)new { key = $"bulk{i:D5}", value = "v" + i, metadata = new { i } }).ToArray();

    [Fact]
    public async Task BulkWrite_10000Items_AllWrittenInOneCommitWithMetadata()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken, Json(TextItems(KvHttpLimits.MaxBulkItems)));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var answer = await HttpApi.JsonAsync(put);
        Assert.Equal(KvHttpLimits.MaxBulkItems, answer.GetProperty("count").GetInt32());
        var versionstamp = answer.GetProperty("versionstamp").GetString();
        var last = await ns.Store.GetManyAsync([KvKey.Of("bulk09999"), KvMetadataKeys.For("bulk09999")], cancellationToken: _ct);
        Assert.Equal("v9999", last[0].Value?.AsText());
        Assert.Equal("""{"i":9999}""", last[1].Value?.AsText());
        Assert.All(last, e => Assert.Equal(versionstamp, e.Versionstamp.ToString()));
        Assert.Equal(2 * KvHttpLimits.MaxBulkItems, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task BulkWrite_10001Items_400AndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken, Json(TextItems(KvHttpLimits.MaxBulkItems + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal((KvHttpErrorCodes.InvalidRequest, KvHttpErrors.TooManyBulkItems), await HttpApi.ErrorAsync(put));
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task BulkWrite_ValueKinds_StoredAsTextBytesAndJson()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var body = """
            [{"key":"t","value":"hello"},
             {"key":"b","value":"AAH/","base64":true},
             {"key":"j","value":{"nested":[1,2]},"expiration_ttl":3600}]
            """;

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var entries = await ns.Store.GetManyAsync([KvKey.Of("t"), KvKey.Of("b"), KvKey.Of("j")], cancellationToken: _ct);
        Assert.Equal((KvValueEncoding.Text, "hello"), (entries[0].Value!.Encoding, entries[0].Value!.AsText()));
        Assert.Equal(KvValueEncoding.Bytes, entries[1].Value!.Encoding);
        Assert.Equal(new byte[] { 0, 1, 255 }, entries[1].Value!.Data.ToArray());
        Assert.Equal((KvValueEncoding.Json, """{"nested":[1,2]}"""), (entries[2].Value!.Encoding, entries[2].Value!.AsText()));
        Assert.NotNull(entries[2].ExpiresAt);
    }

    [Fact]
    public async Task BulkWrite_OneItemWithOversizedMetadata_400AndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var items = TextItems(50).Append(new { key = "bad", value = "v", metadata = new string('m', KvHttpLimits.MaxMetadataBytes) }).ToArray();

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken, Json(items));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(KvHttpErrors.MetadataTooLarge, (await HttpApi.ErrorAsync(put)).Message);
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task BulkWrite_OneValueOver25MiB_413WithEngineMessageAndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var items = new object[]
        {
            new { key = "small", value = "v" },
            new { key = "huge", value = Convert.ToBase64String(new byte[KvLimits.MaxValueBytes + 1]), base64 = true },
        };

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken, Json(items));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Equal((KvHttpErrorCodes.TooLarge, KvErrors.ValueTooLarge), await HttpApi.ErrorAsync(put));
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task BulkWrite_BodyOver64MiB_413AndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var content = new ByteArrayContent(new byte[KvHttpLimits.MaxBulkBodyBytes + 1]);
        content.Headers.ContentType = new("application/json");

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Equal(KvHttpErrors.BulkBodyTooLarge, (await HttpApi.ErrorAsync(put)).Message);
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Theory]
    [InlineData("""{"key":"k","value":"v"}""")]
    [InlineData("""[{"value":"v"}]""")]
    [InlineData("""[{"key":"k"}]""")]
    [InlineData("""[{"key":"k","value":"v"},""")]
    public async Task BulkWrite_NotTheDocumentedShape_400(string body)
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(KvHttpErrors.BulkWriteBody, (await HttpApi.ErrorAsync(put)).Message);
    }

    [Fact]
    public async Task BulkDelete_Keys_DeletesThemAndTheirMetadataInOneCommit()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken, Json(TextItems(20)));
        var doomed = Enumerable.Range(0, 10).Select(i => $"bulk{i:D5}").Append("never-existed").ToArray();

        using var delete = await api.SendAsync(HttpMethod.Post, HttpApi.Base(ns) + "/bulk/delete", ns.WriteToken, Json(doomed));

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(11, (await HttpApi.JsonAsync(delete)).GetProperty("count").GetInt32());
        Assert.Equal(20, (await ns.Store.GetStatsAsync(_ct)).KeyCount); // 10 keys left, each with its metadata
        Assert.False((await ns.Store.GetAsync(KvMetadataKeys.For("bulk00000"), cancellationToken: _ct)).Exists);
    }

    [Fact]
    public async Task BulkDelete_10001Keys_400AndNothingDeleted()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("k00000"), KvValue.Text("kept"), cancellationToken: _ct);
        var keys = Enumerable.Range(0, KvHttpLimits.MaxBulkItems + 1).Select(i => $"k{i:D5}").ToArray();

        using var delete = await api.SendAsync(HttpMethod.Post, HttpApi.Base(ns) + "/bulk/delete", ns.WriteToken, Json(keys));

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal(KvHttpErrors.TooManyBulkItems, (await HttpApi.ErrorAsync(delete)).Message);
        Assert.True((await ns.Store.GetAsync(KvKey.Of("k00000"), cancellationToken: _ct)).Exists);
    }

    [Fact]
    public async Task BulkDelete_NotAnArrayOfStrings_400()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var delete = await api.SendAsync(HttpMethod.Post, HttpApi.Base(ns) + "/bulk/delete", ns.WriteToken, Json(new object[] { "a", 1 }));

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal(KvHttpErrors.BulkDeleteBody, (await HttpApi.ErrorAsync(delete)).Message);
    }

    [Fact]
    public async Task BulkWrite_Empty_200CountZeroNothingCommitted()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var changes = ns.Store.ChangesAsync(_ct).GetAsyncEnumerator(_ct);

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Base(ns) + "/bulk", ns.WriteToken, Json(Array.Empty<object>()));
        var probe = await ns.Store.SetAsync(KvKey.Of("probe"), KvValue.Text("x"), cancellationToken: _ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(0, (await HttpApi.JsonAsync(put)).GetProperty("count").GetInt32());
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(probe, changes.Current.Versionstamp); // the first change is the probe: the empty bulk committed nothing
        await changes.DisposeAsync();
    }
}
