using EdgeKv.E2E.Tests.Infrastructure;
using EdgeKv.Web.Services;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>存储用量 on the KV 存储 page follows records written outside the console, in the real browser.</summary>
public sealed class UsageMeterFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task EngineWrite_WhileKvPageIsOpen_MeterShowsTheNewUseWithoutReload()
    {
        // Arrange
        await using var browser = await server.OpenPageAsync();
        await ConsoleUser.RegisterAsync(browser.Page, "meter@example.com");
        await DomainActions.ApproveAsync(server.Services, "meter@example.com");
        await DomainActions.CreateNamespacesAsync(server.Services, "meter@example.com", "metered");
        await browser.Page.GotoAsync("/kv");
        await Expect(browser.Page.Locator("#usage-bytes")).ToHaveTextAsync("0 B / 100 MB");

        // Act: written as the HTTP API or a Deno client would, straight into the engine.
        await EngineWriter.SetTextAsync(server.Services, "metered", "payload", new string('x', 4000));

        // Assert
        var used = (await EngineWriter.StatsAsync(server.Services, "metered")).StoredBytes;
        Assert.True(used > 4000);
        await Expect(browser.Page.Locator("#usage-bytes")).ToHaveTextAsync($"{DisplayFormat.Bytes(used)} / 100 MB");
        await Expect(browser.Page.Locator("#namespace-grid td.key-count")).ToHaveTextAsync("1");
        await browser.ScreenshotAsync("kv-usage");
        Assert.Empty(browser.Errors);
    }
}
