using System.Net;
using System.Net.Http.Headers;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Tests.Http;

/// <summary>
/// What the console changes about a token reaches programs at once (issue 10), through the domain's own services on
/// the real host: the next request sees it, and an open SSE watch ends (the watch then reconnects and is checked).
/// </summary>
public sealed class TokenChangesReachProgramsTests(DomainKvConnectServer server) : IClassFixture<DomainKvConnectServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Revoked_OpenWatchEnds_AndTheNextRequestIs401()
    {
        // Arrange
        var (ann, _) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        using var http = server.CreateHttpClient();
        using var watch = await WatchAsync(http, ns.StoreId, token.Secret);
        await watch.NextEventAsync();

        // Act
        await server.InScopeAsync(s => s.GetRequiredService<AccessTokenService>().RevokeAsync(ann, token.Token.Id, Ct));

        // Assert
        await Assert.ThrowsAsync<InvalidOperationException>(watch.NextEventAsync);
        using var next = await PutAsync(http, ns.StoreId, token.Secret);
        Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
    }

    [Fact]
    public async Task AccountSuspended_OpenWatchEnds_WritesRefusedReadOnly_ReadsGoOn()
    {
        // Arrange
        var (ann, accountId) = await server.CreateOpenUserAsync("ann");
        var ns = await server.CreateNamespaceAsync(ann);
        var token = await server.CreateTokenAsync(ann, ns, AccessTokenPermission.ReadWrite);
        using var http = server.CreateHttpClient();
        using (var written = await PutAsync(http, ns.StoreId, token.Secret))
        {
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }

        using var watch = await WatchAsync(http, ns.StoreId, token.Secret);
        await watch.NextEventAsync();

        // Act
        await server.InScopeAsync(s => s.GetRequiredService<AccountApplicationService>().SuspendAsync(server.Admin, accountId, "unpaid", Ct));

        // Assert
        await Assert.ThrowsAsync<InvalidOperationException>(watch.NextEventAsync);
        using var refused = await PutAsync(http, ns.StoreId, token.Secret);
        Assert.Equal((HttpStatusCode.Forbidden, "read_only"), (refused.StatusCode, (await HttpApi.ErrorAsync(refused)).Code));
        using var read = await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/namespaces/{ns.StoreId}/values/k", token.Secret), Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private static async Task<SseStream> WatchAsync(HttpClient http, string storeId, string token)
    {
        var response = await http.SendAsync(Request(HttpMethod.Get, $"/api/v1/namespaces/{storeId}/watch?key=k", token), HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new SseStream(response);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient http, string storeId, string token)
    {
        var request = Request(HttpMethod.Put, $"/api/v1/namespaces/{storeId}/values/k", token);
        request.Content = new StringContent("v");
        return http.SendAsync(request, Ct);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        // The server listens for HTTP/2 only (its Deno listener); a hand-made request must ask for it.
        var request = new HttpRequestMessage(method, path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
