using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Projects;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>
/// The code editor's per-file limit in a real browser: a file of about 4 MiB once dropped the circuit when opened or
/// saved. Now a larger file is not opened, a larger text is not read, each says why, and the circuit lives on.
/// </summary>
public sealed class FunctionEditorLimitFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private const int OverTheLimit = 600_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Editor_FilesOverTheLimit_NotOpenedNotReadSaysWhyAndTheCircuitLives()
    {
        // Arrange: a deployment holding a 600,000-character file (deployed through the API, as the message suggests).
        var (user, _) = await TokenActions.OpenNamespaceAsync(server.Services, "bigfiles@example.com");
        await using var scope = server.Services.CreateAsyncScope();
        var project = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(user, "big-site", null, Ct);
        var bigSource = "export const onRequest = () => new Response('big');\n// " + new string('x', OverTheLimit);
        await scope.ServiceProvider.GetRequiredService<DeploymentService>().DeployAsync(user, project.Id, new Dictionary<string, string>
        {
            ["index.js"] = "export const onRequest = () => new Response('small');",
            ["big.js"] = bigSource,
        }, Ct);
        await using var browser = await server.OpenPageAsync(1440);
        var page = browser.Page;
        await ConsoleUser.SignInAsync(page, "bigfiles@example.com", ConsoleUser.Password);
        await page.GotoAsync($"/projects/{project.Id}/functions");
        var editor = page.Locator("#function-editor .monaco-editor[role='code']");
        await Expect(editor.Locator(".view-lines")).ToContainTextAsync("small");

        // Act 1: open the big file.
        await page.Locator(".function-file[data-path='big.js']").ClickAsync();

        // Assert 1: not opened, and why; the layout holds at both widths.
        var refusal = page.Locator("#editor-refusal");
        await Expect(refusal).ToContainTextAsync($"functions/big.js 有 {Count(bigSource.Length)} 个字符，超过编辑器上限 524,288 个字符，无法在此打开。");
        await Expect(refusal).ToContainTextAsync($"POST /api/v1/projects/{project.Id}/deployments");
        await Expect(editor.Locator(".view-lines")).Not.ToContainTextAsync("onRequest");
        await PageLayout.AssertInsideAsync(refusal, page.Locator("#function-editor-card"));
        await browser.ScreenshotAsync("function-editor-too-large-zh-1440");
        await page.SetViewportSizeAsync(1024, 768);
        await PageLayout.AssertInsideAsync(refusal, page.Locator("#function-editor-card"));
        await browser.ScreenshotAsync("function-editor-too-large-zh-1024");

        // Act 2: back in index.js, the editor comes to hold 600,000 characters (as a paste would), then 保存草稿.
        await page.Locator(".function-file[data-path='index.js']").ClickAsync();
        await Expect(refusal).ToHaveCountAsync(0);
        await Expect(editor.Locator(".view-lines")).ToContainTextAsync("small");
        await page.EvaluateAsync($"() => blazorMonaco.editor.getEditor('function-code').setValue('a'.repeat({OverTheLimit}))");
        await page.Locator("#save-draft").ClickAsync();

        // Assert 2: not read, and why.
        await Expect(refusal).ToContainTextAsync("functions/index.js 现有 600,000 个字符，超过编辑器上限 524,288 个字符，无法从编辑器保存。");

        // Act 3: the same tab, under the limit again, deploys (the circuit never dropped).
        await page.EvaluateAsync("() => blazorMonaco.editor.getEditor('function-code').setValue(\"export const onRequest = () => new Response('edited');\")");
        await page.Locator("#deploy-functions").ClickAsync();

        // Assert 3: deployed, the big file kept as it was.
        await Expect(page.Locator("#draft-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^正在显示部署 #\\d+。$"));
        await Expect(refusal).ToHaveCountAsync(0);
        var deployments = scope.ServiceProvider.GetRequiredService<DeploymentService>();
        var active = (await deployments.ListAsync(user, project.Id, Ct)).Single(d => d.IsActive);
        var files = await deployments.FilesAsync(user, project.Id, active.Id, Ct);
        Assert.Equal(bigSource, files["big.js"]);
        Assert.Contains("edited", files["index.js"], StringComparison.Ordinal);

        // The refusal in English.
        await page.Locator("#language-switch").ClickAsync();
        await Expect(page.Locator("#project-menu-functions")).ToHaveTextAsync("Functions");
        await page.Locator(".function-file[data-path='big.js']").ClickAsync();
        await Expect(refusal).ToContainTextAsync($"functions/big.js has {Count(bigSource.Length)} characters, more than the editor's limit of 524,288, so it cannot be opened here.");
        await PageLayout.AssertInsideAsync(refusal, page.Locator("#function-editor-card"));
        await browser.ScreenshotAsync("function-editor-too-large-en-1024");
        await page.SetViewportSizeAsync(1440, 900);
        await browser.ScreenshotAsync("function-editor-too-large-en-1440");
        Assert.Empty(browser.Errors);
    }

    // Both languages group digits with commas.
    private static string Count(int characters) => characters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
