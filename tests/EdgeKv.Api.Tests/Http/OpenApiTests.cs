using System.Net;
using EdgeKv.Api.Tests.Support;

namespace EdgeKv.Api.Tests.Http;

/// <summary>The OpenAPI document describes every endpoint of the HTTP API.</summary>
public sealed class OpenApiTests(KvConnectServer server)
{
    [Fact]
    public async Task OpenApiDocument_Fetched_HasEveryPathOperationAndBearerScheme()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.Http1Url) };

        using var response = await http.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await HttpApi.JsonAsync(response);
        Assert.Equal("EdgeKv HTTP API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        const string Base = "/api/v1/namespaces/{namespaceId}";
        Assert.True(paths.GetProperty(Base + "/keys").TryGetProperty("get", out _));
        var values = paths.GetProperty(Base + "/values/{key}");
        Assert.All(new[] { "get", "put", "delete" }, method => Assert.True(values.TryGetProperty(method, out _), method));
        Assert.True(paths.GetProperty(Base + "/bulk").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty(Base + "/bulk/delete").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty(Base + "/watch").TryGetProperty("get", out _));
        Assert.All(new[] { "get", "post" }, method => Assert.True(paths.GetProperty("/api/v1/namespaces").TryGetProperty(method, out _), method));
        Assert.All(new[] { "patch", "delete" }, method => Assert.True(paths.GetProperty(Base).TryGetProperty(method, out _), method));
        Assert.Equal("Write a value", values.GetProperty("put").GetProperty("summary").GetString());
        var putParameters = values.GetProperty("put").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Contains("expiration_ttl", putParameters);
        Assert.Contains("X-EdgeKv-Metadata", putParameters);
        Assert.Contains("namespaceId", putParameters);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }
}
