using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Values;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.E2E.Tests.Hosting;

/// <summary>
/// The real console host (Program's composition on Kestrel, both listeners) serves the programmatic APIs: the OpenAPI
/// document, the HTTP API with a token made by the domain, and KV Connect to the real Deno runtime on the HTTP/2-only
/// listener; the console's cookie authentication never turns a program away.
/// </summary>
public sealed class ConsoleHostApiTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenApi_Anonymous_ServesTheHttpApiDocument()
    {
        // Arrange
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        // Act
        using var response = await http.GetAsync("/openapi/v1.json", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("EdgeKv HTTP API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/namespaces/{namespaceId}/values/{key}", out _));
    }

    [Fact]
    public async Task HttpApi_DomainToken_WritesAndReadsOnTheConsoleListenerAndNoTokenIs401()
    {
        // Arrange
        var (ns, token) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "program-http@example.com");
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var path = $"/api/v1/namespaces/{ns.StoreId}/values/greeting";

        // Act
        using var anonymous = await http.GetAsync(path, Ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        using var put = await http.PutAsync(path, new StringContent("hello from a program"), Ct);
        var read = await http.GetStringAsync(path + "?type=text", Ct);

        // Assert: a program is refused as a program (401 JSON), never redirected to the sign-in page.
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("hello from a program", read);
    }

    [Fact]
    public async Task KvConnect_DenoOnHttp2Listener_ReadsAndWritesWithDomainToken()
    {
        // Arrange
        var (ns, token) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "program-deno@example.com");
        var store = await server.Services.GetRequiredService<IKvStoreRegistry>().OpenAsync(ns.StoreId, Ct);
        await store.SetAsync(KvKey.Of("guarded"), KvValue.Text("original"), cancellationToken: Ct);
        var environment = new Dictionary<string, string> { ["EDGEKV_URL"] = $"{server.KvConnectUrl}/kv/connect/{ns.StoreId}" };

        // Act
        var result = await ClientProcess.RunDenoAsync("access.ts", token.Secret, environment, Ct);

        // Assert
        Assert.Equal(JsonValueKind.Null, result.GetProperty("readError").ValueKind);
        Assert.Equal("original", result.GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("atomicWriteError").ValueKind);
        Assert.True((await store.GetAsync(KvKey.Of("guarded", "new"), cancellationToken: Ct)).Exists);
    }
}
