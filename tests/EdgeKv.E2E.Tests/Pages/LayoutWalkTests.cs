using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Records;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>
/// Every page of the console, as a user and as the admin, at 1024 px and 1440 px, in both languages and both themes,
/// filled with the longest names the console takes: nothing cut, overflowing or invisible, no words left in the other
/// language, and no browser console error (<see cref="LayoutProblems"/>).
/// </summary>
public sealed class LayoutWalkTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    // The longest names the console accepts: 64 characters.
    private static readonly string LongNamespace = "orders-" + new string('n', 49) + "-2026-12";
    private static readonly string LongProject = "storefront-" + new string('p', 45) + "-edge-01";

    private static readonly SemaphoreSlim SetUpOnce = new(1, 1);
    private static (string Email, int NamespaceId, int ProjectId)? _walker;

    [Theory]
    [InlineData(1024, "zh-Hans", "light")]
    [InlineData(1024, "zh-Hans", "dark")]
    [InlineData(1024, "en", "light")]
    [InlineData(1024, "en", "dark")]
    [InlineData(1440, "zh-Hans", "light")]
    [InlineData(1440, "zh-Hans", "dark")]
    [InlineData(1440, "en", "light")]
    [InlineData(1440, "en", "dark")]
    public async Task WalkEveryPage_WidthLanguageTheme_NothingCutOverflowingOrUntranslated(int width, string language, string theme)
    {
        var walker = await SetUpAsync();
        var problems = new List<string>();

        await using (var visitor = await OpenAsync(width, language, theme))
        {
            // The home page's outlined 注册 once rendered white on white; the sign-in page is static.
            problems.AddRange(await WalkAsync(visitor, "home", "/", width, language, theme));
            problems.AddRange(await WalkAsync(visitor, "sign-in", "/account/signin", width, language, theme));
            Assert.Empty(visitor.Errors);
        }

        await using (var user = await OpenAsync(width, language, theme))
        {
            await ConsoleUser.SignInAsync(user.Page, walker.Email, ConsoleUser.Password);
            foreach (var (name, path) in new[]
            {
                ("kv", "/kv"), ("namespace", $"/kv/{walker.NamespaceId}"), ("namespace-usage", $"/kv/{walker.NamespaceId}/usage"), ("projects", "/projects"),
                ("project", $"/projects/{walker.ProjectId}"), ("project-functions", $"/projects/{walker.ProjectId}/functions"), ("tokens", "/tokens"),
            })
            {
                problems.AddRange(await WalkAsync(user, name, path, width, language, theme));
            }

            Assert.Empty(user.Errors);

            // Last, as the browser reports the 404 status of the page itself as a console error, and only that.
            problems.AddRange(await WalkAsync(user, "not-found", "/no-such-page", width, language, theme));
            Assert.All(user.Errors, error => Assert.Contains("the server responded with a status of 404", error));
        }

        await using (var admin = await OpenAsync(width, language, theme))
        {
            await ConsoleUser.SignInAsync(admin.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);
            foreach (var page in new[] { "applications", "accounts", "settings", "usage", "nodes", "audit", "tokens" })
            {
                problems.AddRange(await WalkAsync(admin, "admin-" + page, "/admin/" + page, width, language, theme));
            }

            Assert.Empty(admin.Errors);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task<ConsolePage> OpenAsync(int width, string language, string theme)
    {
        var page = await server.OpenPageAsync(width);
        await page.Page.Context.AddCookiesAsync(
        [
            new Cookie { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = server.BaseUrl },
            new Cookie { Name = "EdgeKv.Theme", Value = theme, Url = server.BaseUrl },
        ]);
        return page;
    }

    private static async Task<IEnumerable<string>> WalkAsync(ConsolePage browser, string name, string path, int width, string language, string theme)
    {
        var page = browser.Page;
        await page.GotoAsync(path);
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await Expect(page.Locator(".loading-indicator")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, $"walk-{name}-{language}-{theme}-{width}", fullPage: false, toDocs: false);
        return (await LayoutProblems.OfAsync(page, language)).Select(problem => $"{path} ({width} px, {language}, {theme}): {problem}");
    }

    /// <summary>One user with the longest names, a few records of long keys and values, a project bound to the namespace.</summary>
    private async Task<(string Email, int NamespaceId, int ProjectId)> SetUpAsync()
    {
        await SetUpOnce.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_walker is { } done)
            {
                return done;
            }

            Assert.Equal(64, LongNamespace.Length);
            Assert.Equal(64, LongProject.Length);
            const string email = "a-rather-long-address.for-layout@example-company.com";
            var (user, main) = await TokenActions.OpenNamespaceAsync(server.Services, email);
            await using var scope = server.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var ns = await services.GetRequiredService<NamespaceService>().CreateAsync(user, LongNamespace);
            var records = services.GetRequiredService<RecordService>();
            for (var i = 0; i < 12; i++)
            {
                await records.PutAsync(user, ns.Id, $"user:{i:D4}:profile:{new string('k', 40)}", new string('v', 300) + i);
            }

            var project = await services.GetRequiredService<ProjectService>().CreateAsync(user, LongProject);
            await services.GetRequiredService<BindingService>().BindAsync(user, ns.Id, project.Id, "orders_store");
            await services.GetRequiredService<BindingService>().BindAsync(user, main.Id, project.Id, "settings");
            _walker = (email, ns.Id, project.Id);
            return _walker.Value;
        }
        finally
        {
            SetUpOnce.Release();
        }
    }
}
