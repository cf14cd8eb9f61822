using System.Net;
using System.Net.Http.Headers;
using EdgeKv.Api.Http;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core;
using EdgeKv.Core.Keys;

namespace EdgeKv.Api.Tests.Http;

/// <summary>Every limit of a single write crossed (and met), each refusal leaving the stored value as it was.</summary>
public sealed class ValueLimitTests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static HttpContent Bytes(byte[] bytes, bool chunked)
    {
        // A stream of unknown length is sent chunked, so the server cannot refuse it by its Content-Length.
        HttpContent content = chunked ? new StreamContent(new UnseekableStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Put_ValueOneByteOver25MiB_413WithEngineMessageAndOldValueKept(bool chunked)
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        await api.PutTextAsync(ns, "big", "before");

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Value(ns, "big"), ns.WriteToken, Bytes(new byte[KvLimits.MaxValueBytes + 1], chunked));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Equal((KvHttpErrorCodes.TooLarge, KvErrors.ValueTooLarge), await HttpApi.ErrorAsync(put));
        Assert.Equal("before", await api.GetTextAsync(ns, "big"));
    }

    [Fact]
    public async Task Put_ValueOfExactly25MiBStreamed_StoredWhole()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var bytes = new byte[KvLimits.MaxValueBytes];
        Random.Shared.NextBytes(bytes);

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Value(ns, "big"), ns.WriteToken, Bytes(bytes, chunked: true));
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "big"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync(_ct));
    }

    [Fact]
    public async Task Put_Metadata1025Bytes_400AndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var metadata = $"\"{new string('m', KvHttpLimits.MaxMetadataBytes - 1)}\""; // 1025 bytes of JSON

        using var put = await api.PutTextAsync(ns, "k", "v", configure: r => r.Headers.Add(KvHttpHeaders.Metadata, metadata));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal((KvHttpErrorCodes.InvalidRequest, KvHttpErrors.MetadataTooLarge), await HttpApi.ErrorAsync(put));
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task Put_Metadata1024Bytes_Stored()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var metadata = $"\"{new string('m', KvHttpLimits.MaxMetadataBytes - 2)}\"";

        using var put = await api.PutTextAsync(ns, "k", "v", configure: r => r.Headers.Add(KvHttpHeaders.Metadata, metadata));
        using var get = await api.GetAsync(ns, HttpApi.Value(ns, "k"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(metadata, get.Headers.GetValues(KvHttpHeaders.Metadata).Single());
    }

    [Fact]
    public async Task Put_MetadataNotJson_400AndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, "k", "v", configure: r => r.Headers.Add(KvHttpHeaders.Metadata, "{owner: alice}"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(KvHttpErrors.MetadataNotJson, (await HttpApi.ErrorAsync(put)).Message);
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("2147483648")]
    public async Task Put_ExpirationTtlOutOfRange_400AndNothingWritten(string ttl)
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.PutTextAsync(ns, "k", "v", "?expiration_ttl=" + ttl);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(KvHttpErrors.ExpirationTtl, (await HttpApi.ErrorAsync(put)).Message);
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task Put_TextBodyNotUtf8_400AndNothingWritten()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var content = new ByteArrayContent([0xC3, 0x28]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Value(ns, "k"), ns.WriteToken, content);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(KvHttpErrors.TextNotUtf8, (await HttpApi.ErrorAsync(put)).Message);
        Assert.False((await ns.Store.GetAsync(KvKey.Of("k"), cancellationToken: _ct)).Exists);
    }

    [Fact]
    public async Task Put_OverAccountBudget_507WithEngineMessageAndNothingWritten()
    {
        using var api = new HttpApi(server);
        var group = "account-" + Guid.NewGuid().ToString("N");
        await server.Tokens.Registry.SetBudgetAsync(group, 1000, _ct);
        var ns = await server.CreateNamespaceAsync(group);

        using var put = await api.SendAsync(HttpMethod.Put, HttpApi.Value(ns, "k"), ns.WriteToken, Bytes(new byte[2000], chunked: false));

        Assert.Equal(HttpStatusCode.InsufficientStorage, put.StatusCode);
        Assert.Equal((KvHttpErrorCodes.QuotaExceeded, KvErrors.QuotaExceeded(1000)), await HttpApi.ErrorAsync(put));
        Assert.Equal(0, (await ns.Store.GetStatsAsync(_ct)).KeyCount);
    }

    /// <summary>A stream that hides its length, as a request body being produced on the fly would.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
