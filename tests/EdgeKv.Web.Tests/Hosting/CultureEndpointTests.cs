using System.Net;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EdgeKv.Web.Tests.Hosting;

public sealed class CultureEndpointTests(ConsoleApplication app) : IClassFixture<ConsoleApplication>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_FirstVisit_IsInChinese()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/", _cancellation);

        Assert.Contains("<html lang=\"zh-Hans\">", html);
    }

    [Fact]
    public async Task SetCulture_English_SetsCookieRedirectsAndNextPageIsEnglish()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/culture/set?culture=en&returnUrl=%2Fprojects", _cancellation);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var english = await client.SendAsync(request, _cancellation);
        var html = await english.Content.ReadAsStringAsync(_cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/projects", response.Headers.Location?.OriginalString);
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", cookie);
        Assert.Contains("<html lang=\"en\">", html);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    public async Task SetCulture_ForeignReturnUrl_GoesHomeInstead(string returnUrl)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/culture/set?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}", _cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SetCulture_UnsupportedCulture_IsRefusedWithoutCookie()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/culture/set?culture=fr&returnUrl=%2F", _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("culture must be one of: zh-Hans, en", await response.Content.ReadAsStringAsync(_cancellation));
    }
}
