using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EdgeKv.Api.Http;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.Http;

/// <summary>PUT, GET and DELETE of single values: encodings by Content-Type, representations by type/Accept, ETags.</summary>
public sealed class ValuesApiTests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_TextPlain_StoresTextAndGetReturnsSameBytesWithETag()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, "greeting", "héllo");
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "greeting"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var versionstamp = (await HttpApi.JsonAsync(put)).GetProperty("versionstamp").GetString();
        Assert.Equal($"\"{versionstamp}\"", put.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("application/octet-stream", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("héllo"u8.ToArray(), await get.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal($"\"{versionstamp}\"", get.Headers.ETag?.Tag);
        Assert.Equal("text", get.Headers.GetValues(KvHttpHeaders.Encoding).Single());
        var stored = await ns.Store.GetAsync(KvKey.Of("greeting"), cancellationToken: _ct);
        Assert.Equal(KvValueEncoding.Text, stored.Value!.Encoding);
        Assert.Equal(versionstamp, stored.Versionstamp.ToString());
    }

    [Fact]
    public async Task Put_ApplicationJson_StoresJsonAndTypeJsonReturnsIt()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Value(ns, "config"), ns.WriteToken,
            new StringContent("""{"theme":"dark","size":3}""", Encoding.UTF8, "application/json"));
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "config", "?type=json"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("application/json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"theme":"dark","size":3}""", await get.Content.ReadAsStringAsync(_ct));
        Assert.Equal(KvValueEncoding.Json, (await ns.Store.GetAsync(KvKey.Of("config"), cancellationToken: _ct)).Value!.Encoding);
    }

    [Fact]
    public async Task Put_InvalidJsonBody_400AndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Value(ns, "config"), ns.WriteToken,
            new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal((KvHttpErrorCodes.InvalidRequest, KvErrors.EdgeOneNotJson), await HttpApi.ErrorAsync(put));
        Assert.False((await ns.Store.GetAsync(KvKey.Of("config"), cancellationToken: _ct)).Exists);
    }

    [Fact]
    public async Task Put_OctetStream_StoresBytesExactly()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        byte[] bytes = [0, 255, 1, 254, 0x80];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Value(ns, "blob"), ns.WriteToken, content);
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "blob", "?type=arrayBuffer"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal("bytes", get.Headers.GetValues(KvHttpHeaders.Encoding).Single());
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")] // what `curl --data` sends when no type is given
    [InlineData("image/png")]
    [InlineData(null)]
    public async Task Put_AnyOtherOrNoContentType_StoresBytes(string? contentType)
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var content = new ByteArrayContent("v=1"u8.ToArray());
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Value(ns, "any"), ns.WriteToken, content);
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "any", "?type=arrayBuffer"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("v=1"u8.ToArray(), await get.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal("bytes", get.Headers.GetValues(KvHttpHeaders.Encoding).Single());
    }

    [Theory]
    [InlineData("text/plain", "text/plain")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/octet-stream")]
    public async Task Get_AcceptHeader_ChoosesRepresentation(string accept, string expected)
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("n"), KvValue.Json("[1,2]"), cancellationToken: _ct);

        using var get = await api.SendAsync(HttpMethod.Get, HttpApi.Value(ns, "n"), ns.ReadToken, configure: r => r.Headers.Accept.ParseAdd(accept));

        Assert.Equal(expected, get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("[1,2]", await get.Content.ReadAsStringAsync(_ct));
    }

    [Fact]
    public async Task Get_TypeJsonOfText_406WithEngineMessage()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "t", "plain words");

        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "t", "?type=json"));

        Assert.Equal(HttpStatusCode.NotAcceptable, get.StatusCode);
        Assert.Equal((KvHttpErrorCodes.NotAcceptable, KvErrors.EdgeOneNotJson), await HttpApi.ErrorAsync(get));
    }

    [Fact]
    public async Task Get_UnknownType_400WithEngineMessage()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "t", "?type=xml"));

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(KvErrors.EdgeOneGetType, (await HttpApi.ErrorAsync(get)).Message);
    }

    [Fact]
    public async Task Get_U64WrittenByDeno_TextIsDecimal()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.Atomic().Sum(KvKey.Of("visits"), 42).CommitAsync(_ct);

        Assert.Equal("42", await api.GetTextAsync(ns, "visits"));
    }

    [Fact]
    public async Task Get_Missing_404WithJsonError()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "nothing"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal((KvHttpErrorCodes.KeyNotFound, KvHttpErrors.KeyNotFound), await HttpApi.ErrorAsync(get));
    }

    [Fact]
    public async Task Get_IfNoneMatchCurrentETag_304()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        using var put = await api.PutTextAsync(ns, "k", "v");

        using var get = await api.SendAsync(HttpMethod.Get, HttpApi.Value(ns, "k"), ns.ReadToken,
            configure: r => r.Headers.IfNoneMatch.Add(put.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, get.StatusCode);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("100% sure")]
    [InlineData("a%2Fb")]
    [InlineData("键 with spaces?&=#")]
    public async Task PutGet_KeyNeedingEncoding_IsExactlyTheStringKey(string key)
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, key, "value of " + key);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(key, (await HttpApi.JsonAsync(put)).GetProperty("key").GetString());
        Assert.Equal("value of " + key, (await ns.Store.GetAsync(KvKey.Of(key), cancellationToken: _ct)).Value?.AsText());
        Assert.Equal("value of " + key, await api.GetTextAsync(ns, key));
    }

    [Fact]
    public async Task Put_KeyOver512Bytes_400AndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, new string('k', 513), "v");

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(KvErrors.EdgeOneKeyLength, (await HttpApi.ErrorAsync(put)).Message);
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task Delete_Existing_RemovesKeyAndReturnsVersionstamp()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "k", "v");

        using var delete = await api.SendAsync(HttpMethod.Delete, HttpApi.Value(ns, "k"), ns.WriteToken);

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        var versionstamp = (await HttpApi.JsonAsync(delete)).GetProperty("versionstamp").GetString();
        Assert.Equal($"\"{versionstamp}\"", delete.Headers.ETag?.Tag);
        Assert.Null(await api.GetTextAsync(ns, "k"));
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task Delete_Missing_200NoOp()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var delete = await api.SendAsync(HttpMethod.Delete, HttpApi.Value(ns, "never"), ns.WriteToken);

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
    }
}
