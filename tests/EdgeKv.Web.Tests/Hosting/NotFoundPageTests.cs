using System.Net;
using System.Net.Http.Headers;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>
/// An address no page answers: a browser gets the console's 404 page, a program a plain 404; the HTTP API's routing
/// refusals (405, 415) carry its JSON error.
/// </summary>
public sealed class NotFoundPageTests(ConsoleApplication app) : IClassFixture<ConsoleApplication>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_UnknownAddressFromABrowser_IsTheConsolesPageWithStatus404()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.SendAsync(request, _cancellation);
        var html = await response.Content.ReadAsStringAsync(_cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("_framework/blazor.web.js", html);
    }

    [Fact]
    public async Task Get_UnknownApiAddressFromAProgram_IsAPlain404()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request, _cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("blazor.web.js", await response.Content.ReadAsStringAsync(_cancellation));
    }

    [Theory]
    [InlineData("PUT", "/api/v1/namespaces/ns1/bulk", "text/plain", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    [InlineData("PATCH", "/api/v1/namespaces/ns1/values/k", "application/json", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    public async Task Api_RefusalsRoutingMakes_HaveTheApisJsonError(string method, string path, string contentType, HttpStatusCode status, string code)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("[]") };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await client.SendAsync(request, _cancellation);
        var body = await response.Content.ReadAsStringAsync(_cancellation);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", body, StringComparison.Ordinal);
    }
}
