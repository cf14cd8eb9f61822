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
    /// <summary>The admin password the test hosts configure (a fresh install has a generated one instead).</summary>
    public const string AdminPassword = "Adm1n!Tests";
    public const string UserPassword = "Passw0rd!";

    private ConsoleClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>Forms and cookies over a client made elsewhere (e.g. one coming from a set address).</summary>
    public static ConsoleClient Over(HttpClient http) => new(http);

    public static ConsoleClient Anonymous(ConsoleApplication app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A new user, registered through the registration page, then signed in (registering does not sign in).</summary>
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
        await client.SignInAsync(email, UserPassword);
        return client;
    }

    /// <summary>The seeded admin, signed in through the sign-in page.</summary>
    public static async Task<ConsoleClient> AdminAsync(ConsoleApplication app)
    {
        var client = Anonymous(app);
        await client.SignInAsync(AdminEmail, AdminPassword);
        return client;
    }

    /// <summary>Signs in through the sign-in page and checks that it answered with the redirect that sets the cookie.</summary>
    public async Task SignInAsync(string email, string password)
    {
        using var response = await PostFormAsync("/account/signin", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
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
