using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Data;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>
/// 用量 in the real browser: operations made through the engine (as the HTTP API or a Deno client makes them) appear
/// on the namespace's usage charts and the admin's platform usage after the host's own flush, in both languages, at
/// 1024 and 1440 px, with nothing cut, overflowing or untranslated.
/// </summary>
public sealed class UsageChartFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    // The host flushes every second here; the wait covers a busy machine, and ends as soon as the figures show.
    private static readonly LocatorAssertionsToHaveTextOptions FlushWait = new() { Timeout = 30_000 };

    private static readonly (int Width, string Language, string Suffix)[] Views =
        [(1440, "zh-Hans", "zh"), (1440, "en", "en"), (1024, "zh-Hans", "zh-1024"), (1024, "en", "en-1024")];

    [Fact]
    public async Task EngineOperations_ShownOnTheUsageChartsOfTheNamespaceAndThePlatform()
    {
        // Arrange: a user's namespace used from code: 12 writes, 5 reads, 2 deletes.
        const string email = "usage@example.com";
        await using var browser = await server.OpenPageAsync(1440);
        await ConsoleUser.RegisterAsync(browser.Page, email);
        await DomainActions.ApproveAsync(server.Services, email);
        await DomainActions.CreateNamespacesAsync(server.Services, email, "traffic");
        var namespaceId = await UseFromCodeAsync("traffic");
        var problems = new List<string>();

        // Act and assert: the owner's usage tab, then the admin's platform page, in each width and language.
        foreach (var (width, language, suffix) in Views)
        {
            problems.AddRange(await ShowAsync(browser, $"/kv/{namespaceId}/usage", width, language, $"namespace-usage-{suffix}"));
        }

        await using var admin = await server.OpenPageAsync(1440);
        await ConsoleUser.SignInAsync(admin.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);
        foreach (var (width, language, suffix) in Views)
        {
            problems.AddRange(await ShowAsync(admin, "/admin/usage", width, language, $"admin-usage-{suffix}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Empty(browser.Errors);
        Assert.Empty(admin.Errors);
    }

    private async Task<IEnumerable<string>> ShowAsync(ConsolePage browser, string path, int width, string language, string screenshot)
    {
        var page = browser.Page;
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync($"/culture/set?culture={language}&returnUrl={Uri.EscapeDataString(path)}");
        await Expect(page.Locator("#usage-total-writes .usage-total-value")).ToHaveTextAsync("12", FlushWait);
        await Expect(page.Locator("#usage-total-reads .usage-total-value")).ToHaveTextAsync("5");
        await Expect(page.Locator("#usage-total-deletes .usage-total-value")).ToHaveTextAsync("2");
        await Expect(page.Locator("#usage-operations path.mud-chart-line")).ToHaveCountAsync(4);
        await Expect(page.Locator("#usage-stored path.mud-chart-line").First).ToBeAttachedAsync();
        await Screenshots.SaveAsync(page, screenshot);
        return (await LayoutProblems.OfAsync(page, language)).Select(problem => $"{path} ({width} px, {language}): {problem}");
    }

    /// <summary>Writes, reads and deletes straight through the engine; returns the namespace's database id.</summary>
    private async Task<int> UseFromCodeAsync(string namespaceName)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<EdgeKvDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var ns = await db.Namespaces.SingleAsync(n => n.Name == namespaceName, TestContext.Current.CancellationToken);
        var store = await server.Services.GetRequiredService<IKvStoreRegistry>().OpenAsync(ns.StoreId, TestContext.Current.CancellationToken);
        for (var i = 0; i < 12; i++)
        {
            await store.SetAsync(KvKey.Of($"event-{i}"), KvValue.Text(new string('x', 1500)), cancellationToken: TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 5; i++)
        {
            await store.GetAsync(KvKey.Of($"event-{i}"), cancellationToken: TestContext.Current.CancellationToken);
        }

        await store.DeleteAsync(KvKey.Of("event-10"), TestContext.Current.CancellationToken);
        await store.DeleteAsync(KvKey.Of("event-11"), TestContext.Current.CancellationToken);
        return ns.Id;
    }
}
