using System.Net;
using System.Text;
using EdgeKv.Api.Access;
using EdgeKv.Api.Http;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Tests.Http;

/// <summary>Every endpoint authorizes its bearer token: 401, 403, 404 as JSON errors, and a refused write changes nothing.</summary>
public sealed class AccessTests(KvConnectServer server)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Every endpoint; the GETs read, the others write.</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/keys" },
        { "GET", "/values/k" },
        { "PUT", "/values/k" },
        { "DELETE", "/values/k" },
        { "PUT", "/bulk" },
        { "POST", "/bulk/delete" },
        { "GET", "/watch?key=k" },
    };

    private static HttpContent? BodyFor(string method, string path) => (method, path) switch
    {
        ("PUT", "/values/k") => new StringContent("changed", Encoding.UTF8, "text/plain"),
        ("PUT", "/bulk") => new StringContent("""[{"key":"k","value":"changed"}]""", Encoding.UTF8, "application/json"),
        ("POST", _) => new StringContent("""["k"]""", Encoding.UTF8, "application/json"),
        _ => null,
    };

    private async Task<HttpResponseMessage> SendAsync(HttpApi api, TestNamespace ns, string method, string path, string? token) =>
        await api.SendAsync(new HttpMethod(method), HttpApi.Base(ns) + path, token, BodyFor(method, path), completion: HttpCompletionOption.ResponseHeadersRead);

    private async Task<TestNamespace> NamespaceWithValueAsync()
    {
        var ns = await server.CreateNamespaceAsync();
        await ns.Store.SetAsync(KvKey.Of("k"), KvValue.Text("original"), cancellationToken: _ct);
        return ns;
    }

    private async Task AssertUnchangedAsync(TestNamespace ns) =>
        Assert.Equal("original", (await ns.Store.GetAsync(KvKey.Of("k"), cancellationToken: _ct)).Value?.AsText());

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_NoToken_401(string method, string path)
    {
        using var api = new HttpApi(server);
        var ns = await NamespaceWithValueAsync();

        using var response = await SendAsync(api, ns, method, path, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal((KvHttpErrorCodes.Unauthorized, KvAccessErrors.MissingBearerToken), await HttpApi.ErrorAsync(response));
        await AssertUnchangedAsync(ns);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_UnknownToken_401(string method, string path)
    {
        using var api = new HttpApi(server);
        var ns = await NamespaceWithValueAsync();

        using var response = await SendAsync(api, ns, method, path, "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((KvHttpErrorCodes.Unauthorized, KvAccessErrors.InvalidAccessToken), await HttpApi.ErrorAsync(response));
        await AssertUnchangedAsync(ns);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_OtherNamespacesToken_403(string method, string path)
    {
        using var api = new HttpApi(server);
        var ns = await NamespaceWithValueAsync();
        var other = await server.CreateNamespaceAsync();

        using var response = await SendAsync(api, ns, method, path, other.WriteToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((KvHttpErrorCodes.Forbidden, KvAccessErrors.TokenForOtherNamespace), await HttpApi.ErrorAsync(response));
        await AssertUnchangedAsync(ns);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_ReadOnlyToken_ReadsOr403OnWrites(string method, string path)
    {
        using var api = new HttpApi(server);
        var ns = await NamespaceWithValueAsync();

        using var response = await SendAsync(api, ns, method, path, ns.ReadToken);

        if (method != "GET")
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal((KvHttpErrorCodes.ReadOnly, KvAccessErrors.ReadOnlyToken), await HttpApi.ErrorAsync(response));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await AssertUnchangedAsync(ns);
    }

    [Fact]
    public async Task Get_RevokedToken_401()
    {
        using var api = new HttpApi(server);
        var ns = await NamespaceWithValueAsync();
        server.Tokens.Revoke(ns.ReadToken);

        using var response = await api.GetAsync(ns, HttpApi.Value(ns, "k"), ns.ReadToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_DeletedNamespace_404()
    {
        using var api = new HttpApi(server);
        var ns = await NamespaceWithValueAsync();
        await server.Tokens.Registry.DeleteNamespaceAsync(ns.Id, _ct);

        using var response = await api.GetAsync(ns, HttpApi.Value(ns, "k"), ns.ReadToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((KvHttpErrorCodes.NamespaceNotFound, KvAccessErrors.NamespaceNotFound), await HttpApi.ErrorAsync(response));
    }
}
