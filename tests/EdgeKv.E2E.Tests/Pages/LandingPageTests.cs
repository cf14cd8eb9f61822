using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

public sealed class LandingPageTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task Open_FirstVisitThenSwitchLanguage_ShowsChineseThenEnglish()
    {
        await using var browser = await server.OpenPageAsync();
        var page = browser.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("边缘 KV 存储");
        await Expect(page).ToHaveTitleAsync("EdgeKv 控制台");
        await browser.ScreenshotAsync("landing-zh");

        await page.Locator("#language-switch").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Edge KV storage");
        await Expect(page).ToHaveTitleAsync("EdgeKv Console");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "KV Storage" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("landing-en");
        Assert.Empty(browser.Errors);
    }
}
