using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Variables;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>The project page's 环境变量 and 日志 panels in the browser, fed by a real function run, in both languages and widths.</summary>
public sealed class ProjectFunctionsPanelsTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProjectPage_VariablesAndLiveLogs_LayOutInBothLanguages()
    {
        // Arrange: a function that logs at three levels, and two variables (one secret).
        var (user, _) = await TokenActions.OpenNamespaceAsync(server.Services, "functions@example.com");
        await using var scope = server.Services.CreateAsyncScope();
        var project = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(user, "checkout", null, Ct);
        await scope.ServiceProvider.GetRequiredService<DeploymentService>().DeployAsync(user, project.Id, new Dictionary<string, string>
        {
            ["api/orders/[id].js"] = """
                export function onRequest({ params, env }) {
                  console.log("order", params.id, "looked up for", env.SHOP_NAME);
                  console.warn("stock is low for order", params.id);
                  console.error(new RangeError("payment provider answered 503"));
                  return new Response("ok");
                }
                """,
        }, Ct);
        var variables = scope.ServiceProvider.GetRequiredService<ProjectVariableService>();
        await variables.AddAsync(user, project.Id, "SHOP_NAME", "EdgeKv demo shop", isSecret: false, Ct);
        await variables.AddAsync(user, project.Id, "PAYMENT_API_KEY", "sk_live_never_shown", isSecret: true, Ct);
        await using var browser = await server.OpenPageAsync(1440);
        var page = browser.Page;
        await ConsoleUser.SignInAsync(page, "functions@example.com", ConsoleUser.Password);
        await page.GotoAsync($"/projects/{project.Id}/logs");
        await Expect(page.Locator("#project-logs h2")).ToHaveTextAsync("日志");

        // Act: the function runs, on the functions listener, while the 日志 section is open.
        using var http = new HttpClient { BaseAddress = new Uri(server.FunctionsUrl) };
        Assert.Equal("ok", await http.GetStringAsync($"/functions/{project.Id}/api/orders/42", Ct));

        // Assert: the lines arrive live; the 环境变量 section lists the variables without the secret's value.
        await Expect(page.Locator(".log-line")).ToHaveCountAsync(4); // the start, and the function's three lines
        await Expect(page.Locator(".log-line .log-level-error")).ToHaveTextAsync("错误");
        await Expect(page.Locator("#project-logs")).ToContainTextAsync("order 42 looked up for EdgeKv demo shop");
        await Expect(page.Locator(".log-line .log-message").Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^运行时已启动（部署 #\\d+）。$"));
        await browser.ScreenshotAsync("project-functions-logs-zh-1440");
        await page.Locator("#project-menu-variables").ClickAsync();
        await Expect(page.Locator("#variable-grid")).ToContainTextAsync("EdgeKv demo shop");
        Assert.DoesNotContain("sk_live_never_shown", await page.ContentAsync(), StringComparison.Ordinal);
        await PageLayout.AssertNothingCutAsync(page.Locator("#variable-grid tbody td.mud-table-cell"));
        await browser.ScreenshotAsync("project-functions-panels-zh-1440");
        await page.SetViewportSizeAsync(1024, 768);
        await PageLayout.AssertNothingCutAsync(page.Locator("#variable-grid tbody td.mud-table-cell"));
        await browser.ScreenshotAsync("project-functions-panels-zh-1024");

        await page.Locator("#language-switch").ClickAsync();
        await Expect(page.Locator("#project-menu-variables")).ToHaveTextAsync("Environment variables");
        await Expect(page.Locator("#variable-grid")).ToContainTextAsync("EdgeKv demo shop");
        await PageLayout.AssertNothingCutAsync(page.Locator("#variable-grid tbody td.mud-table-cell"));
        await browser.ScreenshotAsync("project-functions-panels-en-1024");
        await page.Locator("#project-menu-logs").ClickAsync();
        await Expect(page.Locator("#project-logs h2")).ToHaveTextAsync("Logs");
        await Expect(page.Locator(".log-line .log-level-warning")).ToHaveTextAsync("Warning");
        await Expect(page.Locator(".log-line .log-message").Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Runtime started \\(deployment #\\d+\\)\\.$"));
        await page.SetViewportSizeAsync(1440, 900);
        await browser.ScreenshotAsync("project-functions-logs-en-1440");
        Assert.Empty(browser.Errors);
    }
}
