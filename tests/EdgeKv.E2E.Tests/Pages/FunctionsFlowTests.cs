using EdgeKv.Domain.Projects;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>The 函数 section in the browser: edit index.js in the Monaco editor, deploy, test-invoke and see the new answer.</summary>
public sealed class FunctionsFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private const string NewCode = "export const onRequest = () => new Response('edited in the console');";

    [Fact]
    public async Task FunctionsSection_EditDeployAndTestInvoke_TheFunctionAnswersWithTheNewCode()
    {
        // Arrange: a project with nothing deployed.
        var (user, _) = await TokenActions.OpenNamespaceAsync(server.Services, "functions@example.com");
        ProjectView project;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            project = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(user, "edge-site", cancellationToken: TestContext.Current.CancellationToken);
        }

        await using var browser = await server.OpenPageAsync(1440);
        var page = browser.Page;
        await ConsoleUser.SignInAsync(page, "functions@example.com", ConsoleUser.Password);

        // The project page opens at KV 存储; its menu leads to 函数.
        await page.GotoAsync($"/projects/{project.Id}");
        await page.Locator("#project-menu-functions").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{server.BaseUrl}/projects/{project.Id}/functions");
        await Expect(page.Locator("#draft-state")).ToHaveTextAsync("尚未部署：可编辑并部署示例 index.js。");
        var editor = page.Locator("#function-editor .monaco-editor[role='code']");
        await Expect(editor).ToBeVisibleAsync();
        await Expect(editor.Locator(".view-lines")).ToContainTextAsync("onRequest");

        // Act 1: replace index.js in the editor, as a person would (select all, type).
        await editor.Locator(".view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.InsertTextAsync(NewCode);
        await Expect(editor.Locator(".view-lines")).ToContainTextAsync("edited in the console");

        // Act 2: deploy; the history shows it, active.
        await page.Locator("#deploy-functions").ClickAsync();
        await Expect(page.Locator("#draft-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^正在显示部署 #\\d+。$"));
        await Expect(page.Locator("#deployment-grid tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#deployment-grid .active-deployment")).ToHaveTextAsync("当前生效");

        // Act 3: test-invoke the function.
        await page.Locator("#invoke-send").ClickAsync();

        // Assert: the real function answers with the new code.
        await Expect(page.Locator("#invoke-response-body")).ToHaveTextAsync("edited in the console", new() { Timeout = 30_000 });
        await Expect(page.Locator("#invoke-status")).ToHaveTextAsync("200");
        await Expect(page.Locator("#invoke-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d+(\\.\\d)? 毫秒$"));
        await PageLayout.AssertNothingCutAsync(page.Locator("#deployment-grid tbody td.mud-table-cell"));
        await PageLayout.AssertInsideAsync(page.Locator("#deploy-functions"), page.Locator("#function-editor-card"));
        await page.Mouse.MoveAsync(0, 0);
        await ScreenshotFromTopAsync(browser, "project-functions-zh-1440");
        await page.SetViewportSizeAsync(1024, 768);
        await PageLayout.AssertInsideAsync(page.Locator("#deploy-functions"), page.Locator("#function-editor-card"));
        await PageLayout.AssertInsideAsync(page.Locator("#invoke-send"), page.Locator("#invoke-card"));
        await ScreenshotFromTopAsync(browser, "project-functions-zh-1024");

        // The same in English: switching reloads the page (a new tab state), and the editor opens the active deployment.
        await page.Locator("#language-switch").ClickAsync();
        await Expect(page.Locator("#project-menu-functions")).ToHaveTextAsync("Functions");
        await Expect(page.Locator("#function-editor .monaco-editor[role='code'] .view-lines")).ToContainTextAsync("edited in the console");
        await page.Locator("#invoke-send").ClickAsync();
        await Expect(page.Locator("#invoke-response-body")).ToHaveTextAsync("edited in the console", new() { Timeout = 30_000 });
        await PageLayout.AssertInsideAsync(page.Locator("#deploy-functions"), page.Locator("#function-editor-card"));
        await ScreenshotFromTopAsync(browser, "project-functions-en-1024");

        // At 1440 px after a load, with the navigation drawer open, as a person arriving at that width sees it.
        await page.SetViewportSizeAsync(1440, 900);
        await page.ReloadAsync();
        await Expect(page.Locator("#function-editor .monaco-editor[role='code'] .view-lines")).ToContainTextAsync("edited in the console");
        await Expect(page.Locator("#deployment-grid .active-deployment")).ToHaveTextAsync("Active");
        await PageLayout.AssertNothingCutAsync(page.Locator("#deployment-grid tbody td.mud-table-cell"));
        await ScreenshotFromTopAsync(browser, "project-functions-en-1440");
        Assert.Empty(browser.Errors);
    }

    // A full-page picture taken while scrolled down draws the fixed app bar in the middle of the page.
    private static async Task ScreenshotFromTopAsync(ConsolePage browser, string name)
    {
        await browser.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await browser.ScreenshotAsync(name);
    }
}
