using System.Net;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Projects;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>
/// The 计数器 template as a new user tries it: create the project from the template in the console, open its
/// namespace's records, call the functions URL the project page shows 20 times, and watch <c>count</c> reach 20 live.
/// </summary>
public sealed class CounterTemplateFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CounterTemplate_CreatedInTheConsole_CountsTwentyVisitsLive()
    {
        // Arrange
        const string email = "counter-template@example.com";
        await TokenActions.OpenNamespaceAsync(server.Services, email);
        await using var browser = await server.OpenPageAsync(1440);
        var page = browser.Page;
        await ConsoleUser.SignInAsync(page, email, ConsoleUser.Password);

        // Act 1: 新建项目 from the 计数器 template.
        await page.GotoAsync("/projects");
        await page.Locator("#create-project").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#project-name").FillAsync("counter");
        await dialog.Locator("#template-counter").ClickAsync();
        await Screenshots.SaveAsync(page, "counter-template-dialog", toDocs: false);
        await dialog.Locator("#dialog-submit").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await page.Locator("a.project-link", new() { HasText = "counter" }).ClickAsync();

        // The project page shows its functions URL and the new namespace bound as my_kv.
        var projectId = int.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var port = new Uri(server.FunctionsUrl).Port;
        await Expect(page.Locator("#functions-url-host")).ToHaveTextAsync($"http://p{projectId}.localhost:{port}/");
        await Expect(page.Locator("#binding-grid")).ToContainTextAsync("my_kv");
        await Expect(page.Locator("#binding-grid")).ToContainTextAsync("counter-kv");
        await browser.ScreenshotAsync("counter-template-project");

        // Act 2: the namespace's records page, open while the function counts.
        var namespaceId = await BoundNamespaceIdAsync(email, projectId);
        await page.GotoAsync($"/kv/{namespaceId}");
        await Expect(page.Locator("#records-empty")).ToBeVisibleAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.FunctionsUrl) };
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = $"p{projectId}.localhost:{port}" } };
            using var response = await http.SendAsync(request, Ct);
            Assert.Equal((HttpStatusCode.OK, "ok"), (response.StatusCode, await response.Content.ReadAsStringAsync(Ct)));
        }

        // Assert: count = "20" appears without a reload.
        await Expect(KvFlowTests.RecordRow(page, "count").Locator(".record-preview")).ToHaveTextAsync("20");
        await browser.ScreenshotAsync("counter-template-records");

        // The browser reaches the functions URL by its host name too (Chromium resolves *.localhost itself).
        var visit = await browser.Page.Context.NewPageAsync();
        var answer = await visit.GotoAsync($"http://p{projectId}.localhost:{port}/");
        Assert.Equal(200, answer!.Status);
        await Expect(KvFlowTests.RecordRow(page, "count").Locator(".record-preview")).ToHaveTextAsync("21");

        // The project page in English at 1024 px: the URLs wrap inside their card.
        await page.GotoAsync($"/projects/{projectId}");
        await page.Locator("#language-switch").ClickAsync();
        await Expect(page.Locator("#functions-url-title")).ToHaveTextAsync("Functions URL");
        await page.SetViewportSizeAsync(1024, 768);
        await PageLayout.AssertInsideAsync(page.Locator("#functions-url-path"), page.Locator(".project-functions-url"));
        await Screenshots.SaveAsync(page, "counter-template-project-en-1024", toDocs: false);
        Assert.Empty(browser.Errors);
    }

    private async Task<int> BoundNamespaceIdAsync(string email, int projectId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<EdgeKv.Domain.Identity.ApplicationUser>>();
        var caller = new EdgeKv.Domain.Authorization.Caller((await users.FindByEmailAsync(email))!.Id, IsAdmin: false);
        var binding = Assert.Single(await scope.ServiceProvider.GetRequiredService<BindingService>().ListForProjectAsync(caller, projectId, Ct));
        Assert.Equal(CounterTemplate.VariableName, binding.VariableName);
        return binding.NamespaceId;
    }
}
