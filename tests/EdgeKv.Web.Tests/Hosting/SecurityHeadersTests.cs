using System.Net;
using EdgeKv.Web.Hosting;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>The security headers on pages, APIs and health endpoints; HSTS only when the request is https.</summary>
public sealed class SecurityHeadersTests(OperationsApplication app) : IClassFixture<OperationsApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/api/v1/namespaces")]
    [InlineData("/api/v1/namespaces/nsmissing/values/a")]
    [InlineData("/healthz")]
    public async Task Get_AnyResponse_HasCspNosniffReferrerPolicyAndFrameDenial(string path)
    {
        // Arrange
        using var client = app.ClientFrom("192.0.2.10");

        // Act
        using var response = await client.GetAsync(path, Ct);

        // Assert
        // Pages carry Blazor's own frame-ancestors policy too; a browser enforces every policy, so ours holds whole.
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").First());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Get_SignInPage_HasNoInlineScript()
    {
        // The policy allows no inline script: every <script> of a page must be a file of this origin.
        using var client = app.ClientFrom("192.0.2.10");

        var html = await client.GetStringAsync("/account/signin", Ct);

        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attributes>[^>]*)>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains("src=", script.Groups["attributes"].Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_HttpsThroughConfiguredProxy_SendsHsts()
    {
        // Arrange
        using var client = app.ClientFrom(OperationsApplication.ProxyAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        request.Headers.Host = "console.example.com";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        // Act
        using var response = await client.SendAsync(request, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Get_PlainHttp_NoHsts()
    {
        using var client = app.ClientFrom("192.0.2.10");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        request.Headers.Host = "console.example.com";

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
