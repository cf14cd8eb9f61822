using EdgeKv.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

public sealed class AccountFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task Register_ThenSignOutThenSignIn_ShowsTheUserEachTime()
    {
        await using var browser = await server.OpenPageAsync();
        var page = browser.Page;

        await page.GotoAsync("/kv");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin"));
        await browser.ScreenshotAsync("sign-in");
        await ConsoleUser.RegisterAsync(page, "alice@example.com");
        await Expect(page.Locator("h1")).ToHaveTextAsync("KV 存储");

        await page.Locator("#sign-out").ClickAsync();
        await Expect(page.Locator("#sign-in-link")).ToBeVisibleAsync();
        await ConsoleUser.SignInAsync(page, "alice@example.com", ConsoleUser.Password);

        await Expect(page.Locator("h1")).ToHaveTextAsync("KV 存储");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task SignIn_AsAdmin_ShowsTheAdminMenu()
    {
        await using var browser = await server.OpenPageAsync();
        var page = browser.Page;

        await ConsoleUser.SignInAsync(page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);

        await Expect(page.GetByText("申请审批")).ToBeVisibleAsync();
        Assert.Empty(browser.Errors);
    }
}
