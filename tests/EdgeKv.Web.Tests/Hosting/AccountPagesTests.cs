using System.Net;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

public sealed class AccountPagesTests(ConsoleApplication app) : IClassFixture<ConsoleApplication>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_NewUser_IsSentToSignInAndThenSignsInToTheReturnUrl()
    {
        using var client = ConsoleClient.Anonymous(app);

        using var response = await client.PostFormAsync("/account/register?returnUrl=%2Fprojects", new()
        {
            ["Input.Email"] = "new-user@example.com",
            ["Input.Password"] = ConsoleClient.UserPassword,
            ["Input.ConfirmPassword"] = ConsoleClient.UserPassword,
        });
        var signInUrl = response.Headers.Location!.OriginalString;
        var signInPage = WebUtility.HtmlDecode(await client.Http.GetStringAsync(signInUrl, _cancellation));
        using var signedIn = await client.PostFormAsync(signInUrl, new()
        {
            ["Input.Email"] = "new-user@example.com",
            ["Input.Password"] = ConsoleClient.UserPassword,
        });
        using var projects = await client.Http.GetAsync("/projects", _cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin?registered=true&returnUrl=%2Fprojects", new Uri(new Uri("http://host/"), signInUrl).PathAndQuery);
        Assert.Contains("注册已提交。如果该邮箱此前未注册，账号现已创建，请用它登录。", signInPage);
        Assert.Equal("/projects", RedirectTarget.Of(signedIn));
        Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
    }

    [Fact]
    public async Task Register_WeakPassword_ShowsChineseRulesAndSignsNobodyIn()
    {
        using var client = ConsoleClient.Anonymous(app);

        using var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.Email"] = "weak@example.com",
            ["Input.Password"] = "abc",
            ["Input.ConfirmPassword"] = "abc",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(_cancellation));
        using var kv = await client.Http.GetAsync("/kv", _cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码至少需要 6 位。", html);
        Assert.Contains("密码必须包含数字。", html);
        Assert.Equal(HttpStatusCode.Redirect, kv.StatusCode);
    }

    [Fact]
    public async Task Register_PasswordsDiffer_IsRefused()
    {
        using var client = ConsoleClient.Anonymous(app);

        using var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.Email"] = "mismatch@example.com",
            ["Input.Password"] = ConsoleClient.UserPassword,
            ["Input.ConfirmPassword"] = ConsoleClient.UserPassword + "x",
        });

        Assert.Contains("两次输入的密码不一致。", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(_cancellation)));
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysAnonymous()
    {
        using var client = ConsoleClient.Anonymous(app);

        using var response = await client.PostFormAsync("/account/signin", new()
        {
            ["Input.Email"] = ConsoleClient.AdminEmail,
            ["Input.Password"] = "wrong-password",
        });
        using var kv = await client.Http.GetAsync("/kv", _cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码不正确。", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(_cancellation)));
        Assert.Equal(HttpStatusCode.Redirect, kv.StatusCode);
    }

    [Fact]
    public async Task SignIn_ForeignReturnUrl_GoesToKvStorageInstead()
    {
        using var client = ConsoleClient.Anonymous(app);

        using var response = await client.PostFormAsync("/account/signin?returnUrl=%2F%2Fevil.example", new()
        {
            ["Input.Email"] = ConsoleClient.AdminEmail,
            ["Input.Password"] = ConsoleClient.AdminPassword,
        });

        Assert.Equal("/kv", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSession()
    {
        using var client = await ConsoleClient.RegisterAsync(app, "leaving@example.com");

        var token = await AntiforgeryTokenAsync(client);
        using var response = await client.Http.PostAsync("/account/signout", new FormUrlEncodedContent(token), _cancellation);
        using var kv = await client.Http.GetAsync("/kv", _cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, kv.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutToken_IsRefused()
    {
        using var client = await ConsoleClient.RegisterAsync(app, "staying@example.com");

        using var response = await client.Http.PostAsync("/account/signout", new FormUrlEncodedContent([]), _cancellation);
        using var kv = await client.Http.GetAsync("/kv", _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kv.StatusCode);
    }

    private async Task<Dictionary<string, string>> AntiforgeryTokenAsync(ConsoleClient client)
    {
        var html = await client.Http.GetStringAsync("/account/signin", _cancellation);
        var input = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!;
        return new() { ["__RequestVerificationToken"] = input.GetAttribute("value")! };
    }
}
