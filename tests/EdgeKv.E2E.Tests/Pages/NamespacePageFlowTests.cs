using System.Text.RegularExpressions;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>
/// The KV 存储 list and a namespace's page at the narrowest supported width (1024 px): nothing cut, a 64-character
/// name truncated in the header with its actions whole, the program id and URLs on the 连接信息 tab, and 删除 only
/// after confirming.
/// </summary>
public sealed class NamespacePageFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private static readonly string LongName = "n" + new string('x', 62) + "z";

    [Fact]
    public async Task NamespacePage_At1024_ShowsIdsAndUrlsAndDeletesAfterConfirming()
    {
        // Arrange
        await using var browser = await server.OpenPageAsync();
        var page = browser.Page;
        await page.SetViewportSizeAsync(1024, 768);
        await ConsoleUser.RegisterAsync(page, "connector@example.com");
        await DomainActions.ApproveAsync(server.Services, "connector@example.com");
        await DomainActions.CreateNamespacesAsync(server.Services, "connector@example.com", "orders", LongName);

        // The list: every cell shows all it holds, the ids are there to copy.
        await page.GotoAsync("/kv");
        await Expect(page.Locator("a.namespace-link")).ToHaveCountAsync(2);
        await PageLayout.AssertNothingCutAsync(page.Locator("#namespace-grid tbody td.mud-table-cell"));
        await PageLayout.AssertInsideAsync(page.Locator("#namespace-grid tbody code.store-id"), page.Locator("#namespace-grid"));
        await PageLayout.AssertInsideAsync(page.Locator("#namespace-grid tbody .row-actions button"), page.Locator("#namespace-grid"));
        await page.Mouse.MoveAsync(0, 0);
        await browser.ScreenshotAsync("kv-namespaces-1024");

        // A 64-character name: the title is cut, the actions stay whole and on the page.
        await page.Locator("a.namespace-link", new() { HasText = LongName }).ClickAsync();
        await Expect(page.Locator("#namespace-name")).ToHaveTextAsync(LongName);
        await PageLayout.AssertInsideAsync(page.Locator(".page-actions button"), page.Locator(".page-header-row"));
        await PageLayout.AssertNothingCutAsync(page.Locator(".page-actions button"));
        await browser.ScreenshotAsync("namespace-long-name");

        // 连接信息: the id programs use and both URLs.
        await page.GotoAsync("/kv");
        await page.Locator("a.namespace-link", new() { HasText = "orders" }).ClickAsync();
        await Expect(page.Locator("#namespace-name")).ToHaveTextAsync("orders");
        var storeId = (await page.Locator("#namespace-store-id").TextContentAsync())!;
        Assert.StartsWith("ns", storeId, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Tab, new() { Name = "连接信息" }).ClickAsync();
        await Expect(page.Locator("#connect-kv-url")).ToHaveTextAsync($"{server.KvConnectUrl}/kv/connect/{storeId}");
        await Expect(page.Locator("#connect-http-url")).ToHaveTextAsync($"{server.BaseUrl.TrimEnd('/')}/api/v1/namespaces/{storeId}");
        await Expect(page.Locator("#snippet-deno")).ToContainTextAsync($"Deno.openKv(\"{server.KvConnectUrl}/kv/connect/{storeId}\")");
        await PageLayout.AssertInsideAsync(page.Locator("#namespace-connect code"), page.Locator("#namespace-connect"));
        await browser.ScreenshotAsync("namespace-connect");

        // 删除命名空间: asked first, then gone, back on the list.
        await page.Locator("#delete-namespace").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("确定删除命名空间 orders");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/kv$"));
        await Expect(page.Locator("a.namespace-link")).ToHaveCountAsync(1);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Admin_OpensKvStorage_SeesTheNamespaceListNotTheApplyCard()
    {
        await using var browser = await server.OpenPageAsync();
        await ConsoleUser.SignInAsync(browser.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);

        await browser.Page.GotoAsync("/kv");

        await Expect(browser.Page.Locator("#create-namespace")).ToBeEnabledAsync();
        await Expect(browser.Page.Locator("#apply")).ToHaveCountAsync(0);
        await Expect(browser.Page.Locator("#account-status")).ToHaveTextAsync("已通过");
        await browser.ScreenshotAsync("kv-admin");
        Assert.Empty(browser.Errors);
    }
}
