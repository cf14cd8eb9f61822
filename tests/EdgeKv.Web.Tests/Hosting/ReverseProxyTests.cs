using System.Net;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>
/// X-Forwarded-Proto believed from the configured proxy only: through it, redirects are https and the sign-in cookie
/// is Secure; from any other address the header changes nothing.
/// </summary>
public sealed class ReverseProxyTests(OperationsApplication app) : IClassFixture<OperationsApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Challenge_ForwardedHttpsFromConfiguredProxy_RedirectsToHttps()
    {
        // Arrange
        using var client = ForwardedHttpsFrom(OperationsApplication.ProxyAddress);

        // Act
        using var response = await client.GetAsync("/projects", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
        Assert.Equal("/account/signin", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Challenge_ForwardedHttpsFromUnconfiguredAddress_StaysHttp()
    {
        using var client = ForwardedHttpsFrom("10.0.0.9");

        using var response = await client.GetAsync("/projects", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task SignIn_ForwardedHttpsFromConfiguredProxy_SignInCookieIsSecure()
    {
        // Arrange
        using var client = ConsoleClient.Over(ForwardedHttpsFrom(OperationsApplication.ProxyAddress));

        // Act
        using var response = await RegisterAndSignInAsync(client);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("; secure", SignInCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_ForwardedHttpsFromUnconfiguredAddress_CookieNotSecure()
    {
        using var client = ConsoleClient.Over(ForwardedHttpsFrom("10.0.0.9"));

        using var response = await RegisterAndSignInAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("; secure", SignInCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient ForwardedHttpsFrom(string address)
    {
        var client = app.ClientFrom(address);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        return client;
    }

    // Registration answers alike for new and taken e-mails (no sign-in there); the sign-in sets the cookie.
    private static async Task<HttpResponseMessage> RegisterAndSignInAsync(ConsoleClient client)
    {
        var email = $"proxied-{Guid.NewGuid():N}@example.com";
        using (await client.PostFormAsync("/account/register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = ConsoleClient.UserPassword,
            ["Input.ConfirmPassword"] = ConsoleClient.UserPassword,
        }))
        {
        }

        return await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = ConsoleClient.UserPassword });
    }

    private static string SignInCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith(".EdgeKv.Auth=", StringComparison.Ordinal));
}
