using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>What a person does on the account pages, step by step through the browser.</summary>
public static class ConsoleUser
{
    public const string Password = "Passw0rd!";
    public const string AdminEmail = "admin@edgekv.local";
    /// <summary>The admin password the server fixture configures (a fresh install has a generated one instead).</summary>
    public const string AdminPassword = "Adm1n!Tests";

    public static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/register");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm-password").FillAsync(Password);
        await page.Locator("#register-submit").ClickAsync();

        // Registering does not sign in (it answers alike for a taken e-mail): the sign-in page follows.
        await Expect(page.Locator("#account-registered")).ToBeVisibleAsync();
        await SignInAsync(page, email, Password, navigate: false);
    }

    public static async Task SignInAsync(IPage page, string email, string password, bool navigate = true)
    {
        if (navigate)
        {
            await page.GotoAsync("/account/signin");
        }

        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in-submit").ClickAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync(email);
    }
}
