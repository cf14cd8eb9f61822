using System.Net;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>
/// A fresh install without a configured admin password (issue 11, finding 1): the seeder generates one, shows it once,
/// and the admin must choose a new one before anything else. These tests leave the password as generated; the change
/// itself runs on its own host (<see cref="FirstAdminPasswordChangeTests"/>).
/// </summary>
public sealed class FirstAdminTests(FreshInstallConsoleApplication app) : IClassFixture<FreshInstallConsoleApplication>
{
    internal const string NewPassword = "MyOwn!Passw0rd";
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstSignIn_GeneratedPassword_EveryPageLeadsToChangePasswordUntilChanged()
    {
        // Arrange
        using var started = app.CreateClient();
        var (email, password) = Assert.Single(app.Notices.Shown);
        using var admin = ConsoleClient.Anonymous(app);

        // Act
        using var signIn = await admin.PostFormAsync("/account/signin?returnUrl=%2Fadmin%2Fapplications", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var kv = await admin.Http.GetAsync("/kv", _cancellation);
        using var home = await admin.Http.GetAsync("/", _cancellation);
        using var circuit = await admin.Http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, _cancellation);
        using var download = await admin.Http.GetAsync("/console/namespaces/1/values/download?key=a", _cancellation);
        using var changePage = await admin.Http.GetAsync("/account/change-password", _cancellation);

        // Assert
        Assert.Equal("admin@edgekv.local", email);
        Assert.Equal("/account/change-password?returnUrl=%2Fadmin%2Fapplications", RedirectTarget.Of(signIn));
        Assert.Equal("/account/change-password?returnUrl=%2Fkv", RedirectTarget.Of(kv));
        Assert.Equal("/account/change-password?returnUrl=%2F", RedirectTarget.Of(home));
        Assert.Equal(HttpStatusCode.Forbidden, circuit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changePage.StatusCode);
        Assert.Contains("此密码是安装时生成的。使用控制台前，请设置您自己的密码。",
            WebUtility.HtmlDecode(await changePage.Content.ReadAsStringAsync(_cancellation)));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentOrSamePassword_IsRefusedAndStillRequired()
    {
        // Arrange
        _ = app.Services;
        var (email, password) = Assert.Single(app.Notices.Shown);
        using var admin = ConsoleClient.Anonymous(app);
        await admin.SignInAsync(email, password);

        // Act
        using var wrongCurrent = await ChangeAsync(admin, "not-the-password", NewPassword);
        using var same = await ChangeAsync(admin, password, password);
        using var kv = await admin.Http.GetAsync("/kv", _cancellation);

        // Assert
        Assert.Contains("当前密码不正确。", WebUtility.HtmlDecode(await wrongCurrent.Content.ReadAsStringAsync(_cancellation)));
        Assert.Contains("新密码不能与当前密码相同。", WebUtility.HtmlDecode(await same.Content.ReadAsStringAsync(_cancellation)));
        Assert.Equal(HttpStatusCode.Redirect, kv.StatusCode);
        Assert.StartsWith("/account/change-password", RedirectTarget.Of(kv));
    }

    internal static Task<HttpResponseMessage> ChangeAsync(ConsoleClient client, string current, string next, string url = "/account/change-password") =>
        client.PostFormAsync(url, new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });
}

/// <summary>The admin's first change of the generated password, on a host of its own.</summary>
public sealed class FirstAdminPasswordChangeTests(FreshInstallConsoleApplication app) : IClassFixture<FreshInstallConsoleApplication>
{
    private const string NewPassword = FirstAdminTests.NewPassword;
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangePassword_Valid_OpensTheConsoleAndTheGeneratedPasswordStopsWorking()
    {
        // Arrange
        _ = app.Services;
        var (email, password) = Assert.Single(app.Notices.Shown);
        using var admin = ConsoleClient.Anonymous(app);
        await admin.SignInAsync(email, password);

        // Act
        using var changed = await FirstAdminTests.ChangeAsync(admin, password, NewPassword, "/account/change-password?returnUrl=%2Fadmin%2Fapplications");
        using var page = await admin.Http.GetAsync("/admin/applications", _cancellation);
        using var again = ConsoleClient.Anonymous(app);
        using var oldPassword = await again.PostFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        using var newPassword = await again.PostFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = NewPassword });

        // Assert
        Assert.Equal("/admin/applications", RedirectTarget.Of(changed));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal("/kv", RedirectTarget.Of(newPassword));
        Assert.Single(app.Notices.Shown);
        Assert.DoesNotContain(app.Logs.Messages, message => message.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Messages, message => message.Contains(NewPassword, StringComparison.Ordinal));
    }
}
