using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>The theme switch's endpoint: the choice is kept in a cookie and the next page is drawn in it.</summary>
public sealed class ThemeEndpointTests(ConsoleApplication app) : IClassFixture<ConsoleApplication>
{
    // The background of each palette (Theming/ConsoleTheme.cs), which MudThemeProvider writes into the page.
    private static readonly int[] LightBackground = [0xf3, 0xf5, 0xf8];
    private static readonly int[] DarkBackground = [0x15, 0x1b, 0x26];

    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInPage_NoThemeCookie_IsLight()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/account/signin", _cancellation);

        Assert.Equal(LightBackground, BackgroundOf(html));
    }

    [Fact]
    public async Task SetTheme_Dark_SetsCookieRedirectsAndNextPageIsDark()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/theme/set?mode=dark&returnUrl=%2Faccount%2Fsignin", _cancellation);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var dark = await client.SendAsync(request, _cancellation);
        var html = await dark.Content.ReadAsStringAsync(_cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin", response.Headers.Location?.OriginalString);
        Assert.StartsWith("EdgeKv.Theme=dark", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DarkBackground, BackgroundOf(html));
    }

    [Theory]
    [InlineData("purple")]
    [InlineData("1")]
    [InlineData("")]
    public async Task SetTheme_UnknownMode_IsRefusedWithoutCookie(string mode)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/theme/set?mode={mode}&returnUrl=%2F", _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("mode must be one of: system, light, dark", await response.Content.ReadAsStringAsync(_cancellation));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\t/evil.example/")]
    public async Task SetTheme_ForeignReturnUrl_GoesHomeInstead(string returnUrl)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/theme/set?mode=light&returnUrl={Uri.EscapeDataString(returnUrl)}", _cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    /// <summary>The page's background colour as red, green and blue, whether the theme writes it as hex or rgba().</summary>
    private static int[] BackgroundOf(string html)
    {
        var match = Regex.Match(html, @"--mud-palette-background:\s*([^;]+);");
        Assert.True(match.Success, "The page has no theme.");
        var css = match.Groups[1].Value.Trim();
        return css.StartsWith('#')
            ? [.. Enumerable.Range(0, 3).Select(i => Convert.ToInt32(css.Substring(1 + (2 * i), 2), 16))]
            : [.. Regex.Matches(css, @"\d+").Take(3).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))];
    }
}
