using System.Net;
using System.Net.Http.Headers;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>
/// A full run — register, a failed and a good sign-in, a token created and used by every route a program takes,
/// a bad token, the SignalR client's query-string token — logged at Trace, framework included: no password and no
/// token secret appears anywhere in what was logged, while the events an operator needs do.
/// </summary>
public sealed class LogSecretsTests(OperationsApplication app) : IClassFixture<OperationsApplication>
{
    private const string WrongPassword = "Wrong-Passw0rd-Typed";
    private const string BadToken = "ekv_thisIsNotARealTokenButLooksLikeOne0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullFlow_LoggedAtTrace_NoSecretInAnyLogLine()
    {
        // Arrange & Act: the user's and the admin's sign-ins through the pages.
        using var user = ConsoleClient.Over(app.ClientFrom("192.0.2.40"));
        using (await user.PostFormAsync("/account/register", new()
        {
            ["Input.Email"] = $"logs-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = ConsoleClient.UserPassword,
            ["Input.ConfirmPassword"] = ConsoleClient.UserPassword,
        }))
        {
        }

        using var admin = ConsoleClient.Over(app.ClientFrom("192.0.2.41"));
        using (await admin.PostFormAsync("/account/signin", new() { ["Input.Email"] = ConsoleClient.AdminEmail, ["Input.Password"] = WrongPassword }))
        {
        }

        using (await admin.PostFormAsync("/account/signin", new() { ["Input.Email"] = ConsoleClient.AdminEmail, ["Input.Password"] = OperationsApplication.AdminPassword }))
        {
        }

        // A token created, then used to write, read, list, watch, and by the SignalR client's query string.
        var (storeId, secret) = await OperationsFlow.AdminTokenAsync(app, Ct);
        using var program = app.ClientFrom("192.0.2.42");
        var values = $"/api/v1/namespaces/{storeId}/values/greeting";
        using (await SendAsync(program, HttpMethod.Put, values, secret, new StringContent("hello")))
        using (var read = await SendAsync(program, HttpMethod.Get, values, secret))
        using (await SendAsync(program, HttpMethod.Get, $"/api/v1/namespaces/{storeId}/keys", secret))
        using (await SendAsync(program, HttpMethod.Get, values, BadToken))
        using (await program.PostAsync($"/hubs/kv-watch/negotiate?negotiateVersion=1&access_token={secret}", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // Assert
        var logs = app.Logs.Entries;
        Assert.NotEmpty(logs);
        Assert.All(logs, entry =>
        {
            Assert.DoesNotContain(secret, entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(BadToken, entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(ConsoleClient.UserPassword, entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongPassword, entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(OperationsApplication.AdminPassword, entry.Text, StringComparison.Ordinal);
        });

        // And what an operator needs is there: the failed sign-in, the audited token creation, the refused token.
        Assert.Contains(logs, entry => entry.Message.StartsWith("Sign-in failed (invalid_credentials) from 192.0.2.41", StringComparison.Ordinal));
        Assert.Contains(logs, entry => entry.Category == "EdgeKv.Audit" && entry.Message.Contains(" on access_token ", StringComparison.Ordinal));
        Assert.Contains(logs, entry => entry.Message.StartsWith("API request refused with 401 from 192.0.2.42: GET ", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request, Ct);
    }
}
