using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// One browser-like user of the in-memory host: keeps cookies, does not follow redirects (tests assert them), and
/// fills the console's static forms the way a browser posts them (hidden fields included).
/// </summary>
public sealed class ConsoleClient : IDisposable
{
    public const string AdminEmail = "admin@edgekv.local";
    public const string AdminPassword = "EdgeKv!Admin1";
    public const string UserPassword = "Passw0rd!";

    private ConsoleClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static ConsoleClient Anonymous(ConsoleApplication app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A new user, registered and signed in through the registration page.</summary>
    public static async Task<ConsoleClient> RegisterAsync(ConsoleApplication app, string email)
    {
        var client = Anonymous(app);
        using var response = await client.PostFormAsync("/account/register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = UserPassword,
            ["Input.ConfirmPassword"] = UserPassword,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The seeded admin, signed in through the sign-in page.</summary>
    public static async Task<ConsoleClient> AdminAsync(ConsoleApplication app)
    {
        var client = Anonymous(app);
        using var response = await client.PostFormAsync("/account/signin", new()
        {
            ["Input.Email"] = AdminEmail,
            ["Input.Password"] = AdminPassword,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Loads <paramref name="url"/>, takes its form's hidden fields (handler, antiforgery token), adds <paramref name="fields"/> and posts.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var html = await Http.GetStringAsync(url, TestContext.Current.CancellationToken);
        var form = new HtmlParser().ParseDocument(html).QuerySelector("form[method=post]")
            ?? throw new InvalidOperationException($"No form on {url}.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await Http.PostAsync(url, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    public void Dispose() => Http.Dispose();
}
