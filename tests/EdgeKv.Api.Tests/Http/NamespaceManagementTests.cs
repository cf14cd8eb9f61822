using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeKv.Api.Access;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Client;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Tests.Http;

/// <summary>
/// Namespace management over the HTTP API (list, create, rename, delete), authorized by account-level tokens of the
/// real domain: the token acts as its owner, and the console's quotas, names and account rules apply.
/// </summary>
public sealed class NamespaceManagementTests(DomainKvConnectServer server) : IClassFixture<DomainKvConnectServer>
{
    private const string Root = "/api/v1/namespaces";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AllNamespacesReadWriteToken_ListsCreatesRenamesDeletes_AndTheCreatedNamespaceIsUsable()
    {
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        await server.CreateNamespaceAsync(ann, "existing");
        var token = await server.CreateAccountTokenAsync(ann, AccessTokenPermission.ReadWrite);
        using var http = server.CreateHttpClient();

        using var created = await SendAsync(http, HttpMethod.Post, Root, token.Secret, new { name = "fresh" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ns = await HttpApi.JsonAsync(created);
        var id = ns.GetProperty("id").GetString()!;
        Assert.Equal("fresh", ns.GetProperty("name").GetString());
        Assert.Equal(0, ns.GetProperty("keyCount").GetInt64());

        var kv = new EdgeKvClient(http, id, token.Secret);
        await kv.PutAsync("greeting", "hello", cancellationToken: Ct);
        Assert.Equal("hello", await kv.GetTextAsync("greeting", Ct));

        using var listed = await SendAsync(http, HttpMethod.Get, Root, token.Secret);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var list = (await HttpApi.JsonAsync(listed)).EnumerateArray().ToList();
        Assert.Equal(["existing", "fresh"], list.Select(n => n.GetProperty("name").GetString()));
        var fresh = list.Single(n => n.GetProperty("id").GetString() == id);
        Assert.Equal(1, fresh.GetProperty("keyCount").GetInt64());
        Assert.True(fresh.GetProperty("bytes").GetInt64() > 0);
        Assert.True(fresh.TryGetProperty("createdAt", out _));

        using var renamed = await SendAsync(http, HttpMethod.Patch, $"{Root}/{id}", token.Secret, new { name = "renamed" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(("renamed", id), ((await HttpApi.JsonAsync(renamed)).GetProperty("name").GetString(), (await HttpApi.JsonAsync(renamed)).GetProperty("id").GetString()));
        Assert.Equal("hello", await kv.GetTextAsync("greeting", Ct));

        using var deleted = await SendAsync(http, HttpMethod.Delete, $"{Root}/{id}", token.Secret);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["existing"], (await server.NamespacesOfAsync(ann)).Select(n => n.Name));
        Assert.NotNull(await server.LastUsedAtAsync(token.Token.Id));
    }

    [Fact]
    public async Task ReadOnlyAllNamespacesToken_ListsButCannotCreate()
    {
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        await server.CreateNamespaceAsync(ann, "existing");
        var token = await server.CreateAccountTokenAsync(ann, AccessTokenPermission.ReadOnly);
        using var http = server.CreateHttpClient();

        using var listed = await SendAsync(http, HttpMethod.Get, Root, token.Secret);
        using var refused = await SendAsync(http, HttpMethod.Post, Root, token.Secret, new { name = "fresh" });

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(("read_only", KvAccessErrors.ReadOnlyAccountToken), await HttpApi.ErrorAsync(refused));
        Assert.Equal(["existing"], (await server.NamespacesOfAsync(ann)).Select(n => n.Name));
    }

    [Fact]
    public async Task NamespaceScopedToken_Forbidden_AndBadTokenUnauthorized()
    {
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann, "main");
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        using var http = server.CreateHttpClient();

        using var list = await SendAsync(http, HttpMethod.Get, Root, token.Secret);
        using var create = await SendAsync(http, HttpMethod.Post, Root, token.Secret, new { name = "fresh" });
        using var delete = await SendAsync(http, HttpMethod.Delete, $"{Root}/{ns.StoreId}", token.Secret);
        using var invalid = await SendAsync(http, HttpMethod.Get, Root, "ekv_not_a_token");
        using var none = await SendAsync(http, HttpMethod.Get, Root, null);

        foreach (var refused in new[] { list, create, delete })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(("forbidden", KvAccessErrors.AccountScopeRequired), await HttpApi.ErrorAsync(refused));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
        Assert.Equal(("unauthorized", KvAccessErrors.InvalidAccessToken), await HttpApi.ErrorAsync(invalid));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(["main"], (await server.NamespacesOfAsync(ann)).Select(n => n.Name));
    }

    [Fact]
    public async Task AnotherUsersToken_CannotRenameOrDelete_NotFoundAndUnchanged()
    {
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var (bob, _) = await server.CreateOpenUserAsync("bob");
        var annsNamespace = await server.CreateNamespaceAsync(ann, "main");
        var bobsToken = await server.CreateAccountTokenAsync(bob, AccessTokenPermission.ReadWrite);
        using var http = server.CreateHttpClient();

        using var rename = await SendAsync(http, HttpMethod.Patch, $"{Root}/{annsNamespace.StoreId}", bobsToken.Secret, new { name = "stolen" });
        using var delete = await SendAsync(http, HttpMethod.Delete, $"{Root}/{annsNamespace.StoreId}", bobsToken.Secret);
        using var list = await SendAsync(http, HttpMethod.Get, Root, bobsToken.Secret);

        foreach (var refused in new[] { rename, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal((DomainErrors.NamespaceNotFound.Code, DomainErrors.NamespaceNotFound.Message), await HttpApi.ErrorAsync(refused));
        }

        Assert.Empty((await HttpApi.JsonAsync(list)).EnumerateArray());
        var annsNamespaces = await server.NamespacesOfAsync(ann);
        Assert.Equal([("main", annsNamespace.StoreId)], annsNamespaces.Select(n => (n.Name, n.StoreId)));
    }

    [Fact]
    public async Task EleventhNamespace_RefusedWithTheQuotaMessage_AndNothingCreated()
    {
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var token = await server.CreateAccountTokenAsync(ann, AccessTokenPermission.ReadWrite);
        using var http = server.CreateHttpClient();
        for (var i = 1; i <= 10; i++)
        {
            using var created = await SendAsync(http, HttpMethod.Post, Root, token.Secret, new { name = $"ns{i}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var refused = await SendAsync(http, HttpMethod.Post, Root, token.Secret, new { name = "ns11" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(("namespace.limit_reached", "Namespace limit reached (10 per account)"), await HttpApi.ErrorAsync(refused));
        Assert.Equal(10, (await server.NamespacesOfAsync(ann)).Count);
    }

    [Fact]
    public async Task InvalidOrDuplicateName_Refused()
    {
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        await server.CreateNamespaceAsync(ann, "main");
        var token = await server.CreateAccountTokenAsync(ann, AccessTokenPermission.ReadWrite);
        using var http = server.CreateHttpClient();

        using var invalid = await SendAsync(http, HttpMethod.Post, Root, token.Secret, new { name = "not a name!" });
        using var duplicate = await SendAsync(http, HttpMethod.Post, Root, token.Secret, new { name = "main" });
        using var noName = await SendAsync(http, HttpMethod.Post, Root, token.Secret, new { title = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal((DomainErrors.InvalidNamespaceName.Code, DomainErrors.InvalidNamespaceName.Message), await HttpApi.ErrorAsync(invalid));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(("namespace.name_taken", "A namespace named 'main' already exists."), await HttpApi.ErrorAsync(duplicate));
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Equal(["main"], (await server.NamespacesOfAsync(ann)).Select(n => n.Name));
    }

    [Fact]
    public async Task SuspendedAccount_ListsButCannotCreate_Forbidden()
    {
        var (ann, accountId) = await server.CreateOpenUserAsync("ann");
        await server.CreateNamespaceAsync(ann, "main");
        var token = await server.CreateAccountTokenAsync(ann, AccessTokenPermission.ReadWrite);
        await server.InScopeAsync(services => services.GetRequiredService<AccountApplicationService>().SuspendAsync(server.Admin, accountId, "abuse", Ct));
        using var http = server.CreateHttpClient();

        using var listed = await SendAsync(http, HttpMethod.Get, Root, token.Secret);
        using var refused = await SendAsync(http, HttpMethod.Post, Root, token.Secret, new { name = "more" });

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal((DomainErrors.AccountSuspended.Code, DomainErrors.AccountSuspended.Message), await HttpApi.ErrorAsync(refused));
        Assert.Equal(["main"], (await server.NamespacesOfAsync(ann)).Select(n => n.Name));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = body is null ? null : JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request, Ct);
    }
}
