using System.Net;
using System.Text;
using EdgeKv.Api.Http;
using EdgeKv.Api.Http.Values;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Api.Tests.Http;

/// <summary>A key in the path is percent-encoded UTF-8: other bytes are refused by every route that takes a key.</summary>
public sealed class KeyPathUtf8Tests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string> Methods => ["PUT", "GET", "DELETE"];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Request_KeyPathNotUtf8_400WithOneMessageAndNothingWritten(string method)
    {
        // Arrange
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();
        var token = method == "GET" ? ns.ReadToken : ns.WriteToken;
        var content = method == "PUT" ? new StringContent("value", Encoding.UTF8, "text/plain") : null;

        // Act
        using var response = await api.SendAsync(new HttpMethod(method), $"{HttpApi.Base(ns)}/values/%FF%FE", token, content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((KvHttpErrorCodes.InvalidRequest, KvHttpErrors.KeyNotUtf8), await HttpApi.ErrorAsync(response));
        Assert.Empty(await ns.Store.ListAsync(KvListSelector.WithPrefix(KvKey.Empty), cancellationToken: _ct).ToListAsync(_ct));
    }

    [Fact]
    public async Task Put_PercentEncodedUtf8Key_StoredAsItsCharacters()
    {
        using var api = new HttpApi(server);
        var ns = await server.CreateNamespaceAsync();

        using var put = await api.SendAsync(HttpMethod.Put, $"{HttpApi.Base(ns)}/values/%E4%BD%A0%2F%zz", ns.WriteToken,
            new StringContent("value", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("你/%zz", (await HttpApi.JsonAsync(put)).GetProperty("key").GetString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a%2Fb", "a/b")]
    [InlineData("%25FF", "%FF")]
    [InlineData("100%", "100%")]
    [InlineData("%E2%82%AC", "€")]
    public void Decode_WellFormed_DecodedOnce(string encoded, string key) => Assert.Equal(key, RouteKey.Decode(encoded));

    [Theory]
    [InlineData("%FF%FE")]
    [InlineData("%C3")]
    [InlineData("ok%80")]
    [InlineData("%ED%A0%80")] // a UTF-16 surrogate encoded as UTF-8
    public void Decode_NotUtf8_Refused(string encoded)
    {
        var refusal = Assert.Throws<KvHttpRequestException>(() => RouteKey.Decode(encoded));
        Assert.Equal(KvHttpErrors.KeyNotUtf8, refusal.Message);
    }
}
