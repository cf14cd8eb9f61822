using System.Net;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>Sign-in and registration answer alike whether or not an e-mail is registered (issue 11, finding 5).</summary>
public sealed class UserEnumerationTests(CountingHasherConsoleApplication app) : IClassFixture<CountingHasherConsoleApplication>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_UnknownEmailAndWrongPassword_SameStatusSameMessageSameHashingWork()
    {
        using var owner = await ConsoleClient.RegisterAsync(app, "known@example.com");
        using var client = ConsoleClient.Anonymous(app);

        var (unknownStatus, unknownError, unknownWork) = await SignInAsync(client, "nobody@example.com");
        var (knownStatus, knownError, knownWork) = await SignInAsync(client, "known@example.com");

        Assert.Equal(HttpStatusCode.OK, unknownStatus);
        Assert.Equal(unknownStatus, knownStatus);
        Assert.Equal("邮箱或密码不正确。", unknownError);
        Assert.Equal(unknownError, knownError);
        Assert.Equal(1, unknownWork);
        Assert.Equal(unknownWork, knownWork);
    }

    [Fact]
    public async Task Register_TakenEmail_AnswersAsANewOneAndChangesNothing()
    {
        using var owner = await ConsoleClient.RegisterAsync(app, "taken@example.com");
        using var client = ConsoleClient.Anonymous(app);

        using var taken = await RegisterAsync(client, "taken@example.com", "Other9!pass");
        using var fresh = await RegisterAsync(client, "fresh@example.com", "Other9!pass");
        using var ownerAgain = ConsoleClient.Anonymous(app);
        await ownerAgain.SignInAsync("taken@example.com", ConsoleClient.UserPassword);
        var (stranger, _, _) = await SignInAsync(ConsoleClient.Anonymous(app), "taken@example.com", "Other9!pass");

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);
        Assert.False(taken.Headers.Contains("Set-Cookie") && taken.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".EdgeKv.Auth", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, stranger);
    }

    [Fact]
    public async Task Register_WeakPasswordForTakenAndNewEmail_SameErrors()
    {
        using var owner = await ConsoleClient.RegisterAsync(app, "weak-taken@example.com");
        using var client = ConsoleClient.Anonymous(app);

        using var taken = await RegisterAsync(client, "weak-taken@example.com", "abc");
        using var fresh = await RegisterAsync(client, "weak-new@example.com", "abc");

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(ErrorOf(await fresh.Content.ReadAsStringAsync(_cancellation)), ErrorOf(await taken.Content.ReadAsStringAsync(_cancellation)));
    }

    private async Task<(HttpStatusCode Status, string? Error, int HashVerifications)> SignInAsync(
        ConsoleClient client, string email, string password = "Wrong-passw0rd")
    {
        var before = app.Hasher.Verifications;
        using var response = await client.PostFormAsync("/account/signin", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var work = app.Hasher.Verifications - before;
        return (response.StatusCode, ErrorOf(await response.Content.ReadAsStringAsync(_cancellation)), work);
    }

    private static Task<HttpResponseMessage> RegisterAsync(ConsoleClient client, string email, string password) =>
        client.PostFormAsync("/account/register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    private static string? ErrorOf(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("#account-error")?.TextContent.Trim();
}
