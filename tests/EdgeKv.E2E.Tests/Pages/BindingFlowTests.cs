using System.Text.RegularExpressions;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>Projects and bindings from both sides, and the limits an open account meets.</summary>
public sealed class BindingFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task Bindings_FromNamespaceAndFromProject_ShowOnBothSidesAndUnbind()
    {
        await using var browser = await server.OpenPageAsync();
        var page = browser.Page;
        await ConsoleUser.RegisterAsync(page, "binder@example.com");
        await DomainActions.ApproveAsync(server.Services, "binder@example.com");
        await DomainActions.CreateNamespacesAsync(server.Services, "binder@example.com", "sessions", "settings");

        // 新建项目
        await page.GotoAsync("/projects");
        await page.Locator("#create-project").ClickAsync();
        await page.Locator("#project-name").FillAsync("shop");
        await page.Locator("#dialog-submit").ClickAsync();
        await Expect(page.Locator("a.project-link", new() { HasText = "shop" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("projects");

        // 绑定项目, from the namespace's 关联项目 tab.
        await page.GotoAsync("/kv");
        await page.Locator("a.namespace-link", new() { HasText = "sessions" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "关联项目" }).ClickAsync();
        await BindAsync(page, "shop", "my_kv", expectedError: null);
        await Expect(page.Locator("#binding-grid")).ToContainTextAsync("my_kv");
        await browser.ScreenshotAsync("namespace-bindings");

        // The project's KV 存储 menu lists it; 绑定命名空间 from there (a reserved word is refused first).
        await page.Locator("a.bound-name", new() { HasText = "shop" }).ClickAsync();
        await Expect(page.Locator("#project-name")).ToHaveTextAsync("shop");
        await Expect(page.Locator("#binding-grid")).ToContainTextAsync("sessions");
        await BindAsync(page, "settings", "class", expectedError: "“class”是 JavaScript 保留字，不能用作变量名。");
        await page.Locator(".mud-dialog #variable-name").FillAsync("app_settings");
        await page.Locator(".mud-dialog #dialog-submit").ClickAsync();
        await Expect(page.Locator("#binding-grid")).ToContainTextAsync("app_settings");
        await browser.ScreenshotAsync("project-kv");

        // 解绑, after confirming.
        await page.Locator("button.unbind[data-variable='my_kv']").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "解绑" }).ClickAsync();
        await Expect(page.Locator("#binding-grid")).Not.ToContainTextAsync("my_kv");
        await Expect(page.Locator("#binding-grid")).ToContainTextAsync("app_settings");

        // 删除项目, after confirming: its bindings go with it, the namespaces stay.
        await page.Locator("#delete-project").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/projects$"));
        await Expect(page.Locator("#project-grid")).ToContainTextAsync("暂无项目。");
        await page.GotoAsync("/kv");
        await Expect(page.Locator("a.namespace-link", new() { HasText = "settings" })).ToBeVisibleAsync();
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Limits_EleventhNamespaceAndWriteOverCapacity_AreRefusedWithTheirMessages()
    {
        await using var user = await server.OpenPageAsync();
        await using var admin = await server.OpenPageAsync();
        await ConsoleUser.RegisterAsync(user.Page, "full@example.com");
        await DomainActions.ApproveAsync(server.Services, "full@example.com");
        await DomainActions.CreateNamespacesAsync(server.Services, "full@example.com", [.. Enumerable.Range(1, 10).Select(i => $"ns{i:00}")]);

        // The 11th namespace: 创建命名空间 is off and says why (the dialog's refusal is covered by CreateNamespaceDialogTests).
        await user.Page.GotoAsync("/kv");
        await Expect(user.Page.Locator("#usage-namespaces")).ToHaveTextAsync("10 / 10");
        await Expect(user.Page.Locator("#create-namespace")).ToBeDisabledAsync();
        await Expect(user.Page.Locator("#create-blocked-reason")).ToHaveTextAsync("已达到命名空间上限（10 个）");

        // The admin lowers the capacity to 0.01 MB (10,485 bytes); a 12,000-byte value is then refused.
        await ConsoleUser.SignInAsync(admin.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);
        await admin.Page.GotoAsync("/admin/accounts");
        await admin.Page.Locator("button.edit-quota[data-email='full@example.com']").ClickAsync();
        await admin.Page.Locator(".mud-dialog #capacity-mb").FillAsync("0.01");
        await admin.Page.Locator(".mud-dialog #dialog-submit").ClickAsync();
        await Expect(admin.Page.Locator("#account-grid")).ToContainTextAsync("0 B / 10.2 KB");
        var accountRow = admin.Page.Locator("#account-grid tbody tr", new() { HasText = "full@example.com" });
        await PageLayout.AssertNothingCutAsync(accountRow.Locator("td.mud-table-cell"));
        await admin.ScreenshotAsync("admin-accounts");

        await user.Page.Locator("a.namespace-link", new() { HasText = "ns01" }).ClickAsync();
        await user.Page.Locator("#new-record").ClickAsync();
        await user.Page.Locator(".mud-dialog #record-key").FillAsync("big");
        await user.Page.Locator(".mud-dialog #record-value").FillAsync(new string('x', 12_000));
        await user.Page.Locator(".mud-dialog #dialog-submit").ClickAsync();
        await Expect(user.Page.Locator("#dialog-error")).ToContainTextAsync("超出存储容量：Storage quota exceeded");
        await Expect(user.Page.Locator("#dialog-error")).ToContainTextAsync("10485 bytes");
        Assert.Empty(user.Errors);
        Assert.Empty(admin.Errors);
    }

    [Fact]
    public async Task Reject_ThenApplyAgain_ApplicantSeesReasonLiveThenPendingThenEnglish()
    {
        await using var user = await server.OpenPageAsync();
        await using var admin = await server.OpenPageAsync();
        await ConsoleUser.RegisterAsync(user.Page, "rejected@example.com");
        await user.Page.Locator("#apply").ClickAsync();
        await Expect(user.Page.Locator("#account-pending")).ToBeVisibleAsync();

        await ConsoleUser.SignInAsync(admin.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);
        await admin.Page.GotoAsync("/admin/applications");
        await admin.Page.Locator("button.reject[data-email='rejected@example.com']").ClickAsync();
        await admin.Page.Locator(".mud-dialog #dialog-submit").ClickAsync();
        await Expect(admin.Page.Locator(".mud-dialog #dialog-error")).ToHaveTextAsync("请填写原因。");
        await admin.Page.Locator(".mud-dialog #reason").FillAsync("请补充用途");
        await admin.Page.Locator(".mud-dialog #dialog-submit").ClickAsync();

        await Expect(user.Page.Locator("#account-rejected")).ToContainTextAsync("原因：请补充用途");
        await user.ScreenshotAsync("kv-rejected");
        await user.Page.Locator("#apply-reason").FillAsync("用于购物车");
        await user.Page.Locator("#apply").ClickAsync();
        await Expect(user.Page.Locator("#account-pending")).ToBeVisibleAsync();
        await Expect(admin.Page.Locator("#application-grid")).ToContainTextAsync("用于购物车");

        await admin.Page.GotoAsync("/admin/audit");
        await Expect(admin.Page.Locator("#audit-grid")).ToContainTextAsync("管理员 拒绝了 rejected@example.com 的申请");
        await Expect(admin.Page.Locator("#audit-grid")).ToContainTextAsync("请补充用途");
        await admin.ScreenshotAsync("admin-audit");
        await admin.Page.GotoAsync("/admin/settings");
        await Expect(admin.Page.Locator("#places-summary")).ToContainTextAsync("名额不限");
        await admin.ScreenshotAsync("admin-settings");

        await user.Page.Locator("#language-switch").ClickAsync();
        await Expect(user.Page.Locator("h1")).ToHaveTextAsync("KV Storage");
        await Expect(user.Page.Locator("#account-pending")).ToContainTextAsync("Application under review");
        await Expect(user.Page).ToHaveURLAsync(new Regex("/kv$"));
        Assert.Empty(user.Errors);
        Assert.Empty(admin.Errors);
    }

    private static async Task BindAsync(IPage page, string target, string variableName, string? expectedError)
    {
        await page.Locator("#bind").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#bind-target").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = target }).ClickAsync();

        // The list closes once the circuit has taken the choice; submitting before that would send no choice.
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await dialog.Locator("#variable-name").FillAsync(variableName);
        await dialog.Locator("#dialog-submit").ClickAsync();
        if (expectedError is null)
        {
            await Expect(dialog).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(dialog.Locator("#dialog-error")).ToHaveTextAsync(expectedError);
        }
    }
}
