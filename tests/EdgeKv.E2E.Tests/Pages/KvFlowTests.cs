using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>The console's main path, as two people do it in two browsers: a developer and an admin.</summary>
public sealed class KvFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task Flow_ApplyApproveCreateNamespaceAddRecords_EachStepShowsLive()
    {
        await using var user = await server.OpenPageAsync();
        await using var admin = await server.OpenPageAsync();
        await ConsoleUser.SignInAsync(admin.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);
        await admin.Page.GotoAsync("/admin/applications");
        await Expect(admin.Page.Locator("#application-grid")).ToContainTextAsync("暂无待审核的申请。");

        // 立即申请: the admin's queue shows it without a reload.
        await ConsoleUser.RegisterAsync(user.Page, "dev@example.com");
        await Expect(user.Page.Locator("#places-note")).ToContainTextAsync("当前 KV 存储开放名额有限");
        await user.ScreenshotAsync("kv-apply");
        await user.Page.Locator("#apply-reason").FillAsync("做一个计数器");
        await user.Page.Locator("#apply").ClickAsync();
        await Expect(user.Page.Locator("#account-pending")).ToContainTextAsync("申请审核中");
        var approve = admin.Page.Locator("button.approve[data-email='dev@example.com']");
        await Expect(approve).ToBeVisibleAsync();
        await Expect(admin.Page.Locator("#application-grid")).ToContainTextAsync("做一个计数器");
        await PageLayout.AssertNothingCutAsync(admin.Page.Locator("#application-grid tbody td.mud-table-cell"));
        await admin.ScreenshotAsync("admin-applications");

        // Approval turns the applicant's page into the namespace list at once.
        await approve.ClickAsync();
        await Expect(user.Page.Locator("#create-namespace")).ToBeVisibleAsync();
        await Expect(user.Page.Locator("#usage-namespaces")).ToHaveTextAsync("0 / 10");

        // 创建命名空间
        await CreateNamespaceAsync(user.Page, "counter");
        await Expect(user.Page.Locator("#usage-namespaces")).ToHaveTextAsync("1 / 10");
        await user.ScreenshotAsync("kv-namespaces");
        await user.Page.Locator("a.namespace-link", new() { HasText = "counter" }).ClickAsync();
        await Expect(user.Page.Locator("#namespace-name")).ToHaveTextAsync("counter");

        // 新建记录: text, then JSON (bad JSON refused first).
        await AddRecordAsync(user.Page, "greeting", "你好，世界", json: false);
        await AddRecordAsync(user.Page, "config", "{\"count\": 1}", json: true);
        await Expect(RecordRow(user.Page, "greeting")).ToContainTextAsync("你好，世界");
        await Expect(RecordRow(user.Page, "config")).ToContainTextAsync("{\"count\": 1}");

        // A record written through the engine (as the API or a Deno client would) appears without a reload.
        await EngineWriter.SetTextAsync(server.Services, "counter", "from-engine", "written elsewhere");
        await Expect(RecordRow(user.Page, "from-engine")).ToContainTextAsync("written elsewhere");
        await user.ScreenshotAsync("namespace-records");

        // View a value in full: formatted JSON.
        await RecordRow(user.Page, "config").Locator(".view-record").ClickAsync();
        await Expect(user.Page.Locator("#record-facts")).ToContainTextAsync("类型 JSON");
        await user.Page.Locator(".mud-dialog").GetByRole(AriaRole.Tab, new() { Name = "JSON" }).ClickAsync();
        await Expect(user.Page.Locator("#record-json")).ToHaveTextAsync("{\n  \"count\": 1\n}");
        await user.ScreenshotAsync("record-viewer");
        await user.Page.Keyboard.PressAsync("Escape");
        await Expect(user.Page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        // Delete one record after confirming, then two at once.
        await RecordRow(user.Page, "greeting").Locator(".delete-record").ClickAsync();
        await user.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Expect(RecordRow(user.Page, "greeting")).ToHaveCountAsync(0);
        await RecordRow(user.Page, "config").Locator("input[type=checkbox]").CheckAsync();
        await RecordRow(user.Page, "from-engine").Locator("input[type=checkbox]").CheckAsync();
        await user.Page.Locator("#delete-selected").ClickAsync();
        await user.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Expect(user.Page.Locator("#records-empty")).ToContainTextAsync("暂无记录");

        Assert.Empty(user.Errors);
        Assert.Empty(admin.Errors);
    }

    internal static ILocator RecordRow(IPage page, string key) =>
        page.Locator("#record-grid tbody tr", new() { Has = page.Locator($".record-key[data-key='{key}']") });

    internal static async Task CreateNamespaceAsync(IPage page, string name)
    {
        await page.Locator("#create-namespace").ClickAsync();
        await page.Locator("#namespace-name").FillAsync(name);
        await page.Locator("#dialog-submit").ClickAsync();
        await Expect(page.Locator("a.namespace-link", new() { HasText = name })).ToBeVisibleAsync();
    }

    internal static async Task AddRecordAsync(IPage page, string key, string value, bool json)
    {
        await page.Locator("#new-record").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#record-key").FillAsync(key);
        if (json)
        {
            await dialog.Locator("#record-format").GetByText("JSON", new() { Exact = true }).ClickAsync();
            await dialog.Locator("#record-value").FillAsync("{bad json");
            await dialog.Locator("#dialog-submit").ClickAsync();
            await Expect(dialog.Locator("#dialog-error")).ToHaveTextAsync("值不是有效的 JSON");
        }

        await dialog.Locator("#record-value").FillAsync(value);
        await dialog.Locator("#dialog-submit").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(RecordRow(page, key)).ToBeVisibleAsync();
    }
}
