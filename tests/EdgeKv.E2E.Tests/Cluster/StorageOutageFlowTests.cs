using EdgeKv.Domain.Cluster;
using EdgeKv.E2E.Tests.Infrastructure;
using EdgeKv.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Cluster;

/// <summary>
/// A console node on PostgreSQL, in Production as a default run, while its database server is stopped, through the
/// browser: a page that loads meanwhile — in an open circuit or reloaded — says the storage is unavailable, in the
/// person's language; once the server is back, the open page shows its data by itself. Screenshots in Chinese at
/// 1440 px and English at 1024 px. (A static page that fails on the storage gets the error page with the same words and
/// 503: Web tests' OutageErrorPageTests.)
/// </summary>
public sealed class StorageOutageFlowTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string Email = "outage@example.com";
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ServerStopped_PagesSayStorageUnavailable_ThenTheOpenPageRecoversByItself()
    {
        // Arrange: a signed-in user with a namespace, in Chinese at 1440 px; another browser in English at 1024 px.
        await using var node = await ConsoleHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["EdgeKv:Storage:Provider"] = "Postgres",
                ["ConnectionStrings:Admin"] = await postgres.Server.CreateDatabaseAsync(),
            },
            "Production");
        await using var chromium = await Chromium.LaunchAsync();
        await using var zh = await chromium.OpenPageAsync(node.BaseUrl, 1440);
        await ConsoleUser.RegisterAsync(zh.Page, Email);
        await DomainActions.ApproveAsync(node.Services, Email);
        await DomainActions.CreateNamespacesAsync(node.Services, Email, "orders");
        await using var en = await chromium.OpenPageAsync(node.BaseUrl, 1024);
        await ConsoleUser.SignInAsync(en.Page, Email, ConsoleUser.Password);
        await en.Page.GotoAsync("/culture/set?culture=en&returnUrl=%2Fkv");
        await Expect(en.Page.Locator("a.namespace-link")).ToHaveTextAsync("orders");
        await zh.Page.GotoAsync("/kv");
        await Expect(zh.Page.Locator("a.namespace-link")).ToHaveTextAsync("orders");
        await zh.Page.EvaluateAsync("() => window.loadedOnce = true");
        var reconnected = node.Services.GetRequiredService<ClusterEventListener>().NextConnection;

        // Act: the server stops; the open Chinese page goes to 项目 (a load in its circuit), the English one reloads.
        await postgres.Server.StopAsync();
        try
        {
            await zh.Page.Locator("#nav-projects").ClickAsync();
            await Expect(zh.Page.Locator("#load-error")).ToHaveTextAsync("存储暂时不可用，请稍后重试。");
            await zh.Page.Mouse.MoveAsync(0, 0);
            await Screenshots.SaveAsync(zh.Page, "outage-page-zh", toDocs: false);

            await en.Page.ReloadAsync();
            await Expect(en.Page.Locator("#load-error")).ToHaveTextAsync("The storage is unavailable right now. Try again in a moment.");
            await en.Page.Mouse.MoveAsync(0, 0);
            await Screenshots.SaveAsync(en.Page, "outage-page-en-1024", toDocs: false);
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }

        // Assert: once the node is back, the open page shows the projects page's own content, without a reload.
        await reconnected.WaitAsync(ReconnectTimeout, TestContext.Current.CancellationToken);
        await Expect(zh.Page.Locator("#load-error")).ToHaveCountAsync(0);
        await Expect(zh.Page.Locator("#projects-title")).ToHaveTextAsync("项目");
        Assert.True(await zh.Page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded");
        await en.Page.ReloadAsync();
        await Expect(en.Page.Locator("a.namespace-link")).ToHaveTextAsync("orders");
        Assert.Empty(zh.Errors);
    }
}
