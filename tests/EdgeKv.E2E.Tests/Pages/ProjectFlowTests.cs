using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Projects;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>A project's page in the browser: binding from the project's side, and how the pages lay out in both languages and widths.</summary>
public sealed class ProjectFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task ProjectPage_BindNamespace_OffersOnlyWhatIsLeftThenSaysNothingIsLeft()
    {
        // Arrange: a project with a 64-character name, already bound to main; settings is still free.
        var (user, main) = await TokenActions.OpenNamespaceAsync(server.Services, "projects@example.com");
        await DomainActions.CreateNamespacesAsync(server.Services, "projects@example.com", "settings");
        var longName = new string('W', 64);
        var project = await CreateProjectBoundToAsync(user, longName, main.Id, "main_kv");
        await using var browser = await server.OpenPageAsync();
        var page = browser.Page;
        await ConsoleUser.SignInAsync(page, "projects@example.com", ConsoleUser.Password);

        // The long name is cut with an ellipsis in the title and the delete button stays in sight.
        await page.GotoAsync($"/projects/{project.Id}");
        await Expect(page.Locator("#project-name")).ToHaveTextAsync(longName);
        var title = await page.Locator("#project-name").EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(title[0] > title[1], "The 64-character title is expected to be cut with an ellipsis.");
        await PageLayout.AssertInsideAsync(page.Locator("#delete-project"), page.Locator(".page-header"));
        await Expect(page.Locator(".page-breadcrumbs a[href='projects']")).ToHaveTextAsync("项目");

        // Act 1: only settings is offered.
        await page.Locator("#bind").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator(".mud-input-helper-text")).ToContainTextAsync("不能是保留字");
        await dialog.Locator("#bind-target").ClickAsync();
        var offered = page.Locator(".mud-popover-open .mud-list-item");
        await Expect(offered).ToHaveTextAsync(["settings"]);
        await offered.ClickAsync();
        await dialog.Locator("#variable-name").FillAsync("app_settings");
        await dialog.Locator("#dialog-submit").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator("#binding-grid")).ToContainTextAsync("app_settings");
        await PageLayout.AssertNothingCutAsync(page.Locator("#binding-grid tbody td.mud-table-cell"));

        // Act 2: nothing is left to bind, and the dialog says so.
        await page.Locator("#bind").ClickAsync();
        await Expect(dialog.Locator("#bind-none")).ToContainTextAsync("您的全部命名空间均已绑定到此项目。");
        await Expect(dialog.Locator("#bind-target")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("project-bind-none");
        await dialog.Locator("#dialog-cancel").ClickAsync();
        await browser.ScreenshotAsync("project-kv-wide");

        // The same page in English, at 1024 px and on a phone.
        await page.Locator("#language-switch").ClickAsync();
        await Expect(page.Locator(".page-breadcrumbs a[href='projects']")).ToHaveTextAsync("Projects");
        await page.Mouse.MoveAsync(0, 700); // away from the title, whose tooltip would be in the picture
        await page.SetViewportSizeAsync(1024, 768);
        await PageLayout.AssertNothingCutAsync(page.Locator("#binding-grid tbody td.mud-table-cell"));
        await PageLayout.AssertInsideAsync(page.Locator("#delete-project"), page.Locator(".page-header"));
        await browser.ScreenshotAsync("project-kv-en-1024");
        await page.SetViewportSizeAsync(390, 844);
        await browser.ScreenshotAsync("project-kv-en-phone");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task ProjectsAndTokens_EnglishAtNarrowWidths_LayOutWithNothingCut()
    {
        var (main, _) = await TokenActions.OpenNamespaceWithTokenAsync(server.Services, "narrow@example.com");
        var caller = await CallerAsync("narrow@example.com");
        await CreateProjectBoundToAsync(caller, "checkout-service-with-a-rather-long-name", main.Id, "orders");
        await using var browser = await server.OpenPageAsync();
        var page = browser.Page;
        await ConsoleUser.SignInAsync(page, "narrow@example.com", ConsoleUser.Password);
        await page.GotoAsync("/projects");
        await page.Locator("#language-switch").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Projects");

        foreach (var (width, height, suffix) in new[] { (1024, 768, "1024"), (390, 844, "phone") })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync("/projects");
            await Expect(page.Locator("#project-count")).ToHaveTextAsync("Total: 1");
            if (width >= 1024)
            {
                await PageLayout.AssertNothingCutAsync(page.Locator("#project-grid tbody td.mud-table-cell"));
            }

            await browser.ScreenshotAsync($"projects-en-{suffix}");

            await page.GotoAsync("/tokens");
            await Expect(page.Locator("#token-grid")).ToContainTextAsync("program");
            await Expect(page.Locator(".token-status")).ToHaveTextAsync("Active");
            if (width >= 1024)
            {
                await PageLayout.AssertEachAtLeastWideAsync(page.Locator("#token-grid th"), 60);
                await PageLayout.AssertNothingCutAsync(page.Locator("#token-grid tbody td.mud-table-cell"));
                await PageLayout.AssertInsideAsync(page.Locator("#connection-info code"), page.Locator("#connection-info"));
            }

            await browser.ScreenshotAsync($"tokens-en-{suffix}");
            await page.Locator("#create-token").ClickAsync();
            await Expect(page.Locator(".mud-dialog #token-name")).ToBeVisibleAsync();
            await browser.ScreenshotAsync($"token-dialog-en-{suffix}");
            await page.Locator(".mud-dialog #dialog-cancel").ClickAsync();
        }

        Assert.Empty(browser.Errors);
    }

    private async Task<ProjectView> CreateProjectBoundToAsync(Caller user, string name, int namespaceId, string variableName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var project = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(user, name);
        await scope.ServiceProvider.GetRequiredService<BindingService>().BindAsync(user, namespaceId, project.Id, variableName);
        return project;
    }

    private async Task<Caller> CallerAsync(string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return new Caller((await users.FindByEmailAsync(email))!.Id, IsAdmin: false);
    }
}
