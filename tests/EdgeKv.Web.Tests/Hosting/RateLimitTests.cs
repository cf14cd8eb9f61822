using System.Net;
using System.Text.Json;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>
/// The limits of issue 11 (finding 3), each crossed: per client address on the sign-in and registration posts, per
/// access token on the HTTP API, KV Connect and the watch hub; 429 with Retry-After and the limit's one message. The
/// windows are an hour long (see <see cref="RateLimitedConsoleApplication"/>), so no test depends on time passing.
/// </summary>
public sealed class RateLimitTests(RateLimitedConsoleApplication app) : IClassFixture<RateLimitedConsoleApplication>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_OverTheLimitFromOneAddress_429WithRetryAfterAndMessage()
    {
        using var stranger = ClientAt("10.0.0.1");
        for (var i = 0; i < RateLimitedConsoleApplication.SignInLimit; i++)
        {
            using var allowed = await SignInAsync(stranger, ConsoleClient.AdminEmail, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignInAsync(stranger, ConsoleClient.AdminEmail, ConsoleClient.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal($"来自您地址的登录尝试过多，请 {retryAfter} 秒后再试。", await refused.Content.ReadAsStringAsync(_cancellation));
    }

    [Fact]
    public async Task SignIn_StrangerThrottledWithTheAdminsEmail_AdminAtAnotherAddressStillSignsIn()
    {
        using var stranger = ClientAt("10.0.0.2");
        for (var i = 0; i <= RateLimitedConsoleApplication.SignInLimit + 2; i++)
        {
            using var attempt = await SignInAsync(stranger, ConsoleClient.AdminEmail, "wrong-password");
        }

        using var admin = ClientAt("10.0.0.3");
        using var response = await SignInAsync(admin, ConsoleClient.AdminEmail, ConsoleClient.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/kv", RedirectTarget.Of(response));
    }

    [Fact]
    public async Task SignInPage_ShownOverTheLimit_IsNotLimited()
    {
        using var client = ClientAt("10.0.0.4");
        for (var i = 0; i <= RateLimitedConsoleApplication.SignInLimit; i++)
        {
            using var response = await SignInAsync(client, "x@example.com", "wrong-password");
        }

        using var page = await client.Http.GetAsync("/account/signin", _cancellation);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Register_OverTheLimitFromOneAddress_429WithMessage()
    {
        using var client = ClientAt("10.0.0.5");
        for (var i = 0; i < RateLimitedConsoleApplication.RegistrationLimit; i++)
        {
            using var allowed = await RegisterAsync(client, $"limit-{i}@example.com");
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await RegisterAsync(client, "limit-over@example.com");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Matches("^来自您地址的注册过多，请 [0-9]+ 秒后再试。$", await refused.Content.ReadAsStringAsync(_cancellation));
    }

    [Fact]
    public async Task HttpApi_OverTheLimitForOneToken_429JsonErrorWithRetryAfter_OtherTokenUnaffected()
    {
        using var http = app.CreateClient();
        for (var i = 0; i < RateLimitedConsoleApplication.AccessTokenLimit; i++)
        {
            using var allowed = await ApiGetAsync(http, "ekv_token-a");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var refused = await ApiGetAsync(http, "ekv_token-a");
        using var other = await ApiGetAsync(http, "ekv_token-b");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(_cancellation));
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("rate_limited", error.GetProperty("code").GetString());
        Assert.Equal(EdgeKv.Api.RateLimiting.KvApiRateLimitErrors.TooManyRequests, error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task KvConnect_OverTheLimitForOneToken_429PlainTextWithRetryAfter()
    {
        using var http = app.CreateClient();
        for (var i = 0; i < RateLimitedConsoleApplication.AccessTokenLimit; i++)
        {
            using var allowed = await KvConnectAsync(http, "ekv_token-c");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var refused = await KvConnectAsync(http, "ekv_token-c");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("text/plain", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(EdgeKv.Api.RateLimiting.KvApiRateLimitErrors.TooManyRequests, await refused.Content.ReadAsStringAsync(_cancellation));
    }

    [Fact]
    public async Task WatchHub_NegotiateOverTheLimitForOneToken_429()
    {
        using var http = app.CreateClient();
        for (var i = 0; i < RateLimitedConsoleApplication.AccessTokenLimit; i++)
        {
            using var allowed = await http.PostAsync("/hubs/kv-watch/negotiate?negotiateVersion=1&access_token=ekv_token-d", null, _cancellation);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await http.PostAsync("/hubs/kv-watch/negotiate?negotiateVersion=1&access_token=ekv_token-d", null, _cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    private ConsoleClient ClientAt(string address)
    {
        var client = ConsoleClient.Anonymous(app);
        client.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(ConsoleClient client, string email, string password) =>
        client.PostFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private static Task<HttpResponseMessage> RegisterAsync(ConsoleClient client, string email) =>
        client.PostFormAsync("/account/register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = ConsoleClient.UserPassword,
            ["Input.ConfirmPassword"] = ConsoleClient.UserPassword,
        });

    private Task<HttpResponseMessage> ApiGetAsync(HttpClient http, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/ns1/keys");
        request.Headers.Authorization = new("Bearer", token);
        return http.SendAsync(request, _cancellation);
    }

    private Task<HttpResponseMessage> KvConnectAsync(HttpClient http, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/kv/connect/ns1")
        {
            Content = new StringContent("{\"supportedVersions\":[2,3]}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        return http.SendAsync(request, _cancellation);
    }
}
