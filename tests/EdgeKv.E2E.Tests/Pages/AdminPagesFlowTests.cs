using System.Text.RegularExpressions;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Identity;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>The admin pages in both languages, with long e-mails: nothing cut, the audit log read as linked sentences.</summary>
public sealed class AdminPagesFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private const string LongEmail = "a-rather-long-mailbox-name-for-layout-checks@example-company.com";

    [Fact]
    public async Task AdminPages_InChineseAndEnglish_LayOutCleanlyAndTheAuditLogLinksItsObjects()
    {
        await using var user = await server.OpenPageAsync();
        await using var admin = await server.OpenPageAsync();
        await using var open = await server.OpenPageAsync();
        await ConsoleUser.RegisterAsync(open.Page, LongEmail);
        await DomainActions.ApproveAsync(server.Services, LongEmail);
        await DomainActions.CreateNamespacesAsync(server.Services, LongEmail, "orders");
        await ConsoleUser.RegisterAsync(user.Page, "waiting@example.com");
        await ApplyAsync("waiting@example.com", "一个很长的申请说明，用来检查原因列是否会正常换行而不是被截断或者撑破表格的宽度。");
        await ConsoleUser.SignInAsync(admin.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);

        await VisitAllAsync(admin, "zh", "已通过", "创建了命名空间");

        await admin.Page.Locator("#language-switch").ClickAsync();
        await Expect(admin.Page.Locator("#settings-title")).ToHaveTextAsync("Settings");
        await VisitAllAsync(admin, "en", "Approved", "created namespace");

        // A namespace in a sentence opens the namespace.
        await admin.Page.GotoAsync("/admin/audit");
        await admin.Page.Locator("#audit-grid a.audit-link", new() { HasText = "orders" }).First.ClickAsync();
        await Expect(admin.Page).ToHaveURLAsync(new Regex("/kv/\\d+$"));
        Assert.Empty(admin.Errors);
    }

    [Fact]
    public async Task Dialogs_QuotaAndReject_WorkInTheBrowser()
    {
        await using var user = await server.OpenPageAsync();
        await using var admin = await server.OpenPageAsync();
        await ConsoleUser.RegisterAsync(user.Page, "quota@example.com");
        await DomainActions.ApproveAsync(server.Services, "quota@example.com");
        await using var other = await server.OpenPageAsync();
        await ConsoleUser.RegisterAsync(other.Page, "reject@example.com");
        await ApplyAsync("reject@example.com", "试用");
        await ConsoleUser.SignInAsync(admin.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);

        // 配额: 0.01 MB is 10,485 bytes.
        await admin.Page.GotoAsync("/admin/accounts");
        await admin.Page.Locator("button.edit-quota[data-email='quota@example.com']").ClickAsync();
        await admin.Page.Locator(".mud-dialog #capacity-mb").FillAsync("0");
        await admin.Page.Locator(".mud-dialog #dialog-submit").ClickAsync();
        await Expect(admin.Page.Locator(".mud-dialog")).ToContainTextAsync("容量必须是正数。");
        await admin.ScreenshotAsync("admin-quota-dialog");
        await admin.Page.Locator(".mud-dialog #capacity-mb").FillAsync("0.01");
        await admin.Page.Locator(".mud-dialog #dialog-submit").ClickAsync();
        await Expect(admin.Page.Locator("#account-grid")).ToContainTextAsync("0 B / 10.2 KB");
        await Expect(admin.Page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        // 拒绝: a reason is required.
        await admin.Page.GotoAsync("/admin/applications");
        await admin.Page.Locator("button.reject[data-email='reject@example.com']").ClickAsync();
        await admin.Page.Locator(".mud-dialog #dialog-submit").ClickAsync();
        await Expect(admin.Page.Locator(".mud-dialog #dialog-error")).ToHaveTextAsync("请填写原因。");
        await admin.Page.Locator(".mud-dialog #reason").FillAsync("请补充用途");
        await admin.Page.Locator(".mud-dialog #dialog-submit").ClickAsync();
        // The other test of this class may leave its own application waiting: only this one must be gone.
        await Expect(admin.Page.Locator("button.reject[data-email='reject@example.com']")).ToHaveCountAsync(0);
        await Expect(admin.Page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await admin.Page.GotoAsync("/admin/audit");
        await Expect(admin.Page.Locator("#audit-grid")).ToContainTextAsync("管理员 拒绝了 reject@example.com 的申请");
        await Expect(admin.Page.Locator("#audit-grid")).ToContainTextAsync("管理员 修改了 quota@example.com 的配额：存储容量 100 MB → 10.2 KB，命名空间上限 10 → 10");
        Assert.Empty(admin.Errors);
    }

    private async Task ApplyAsync(string email, string reason)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        await scope.ServiceProvider.GetRequiredService<AccountApplicationService>().ApplyAsync(new Caller(user!.Id, IsAdmin: false), reason);
    }

    private static async Task VisitAllAsync(ConsolePage admin, string language, string approvedChip, string createdNamespace)
    {
        await admin.Page.GotoAsync("/admin/applications");
        await Expect(admin.Page.Locator("button.approve[data-email='waiting@example.com']")).ToBeVisibleAsync();
        await PageLayout.AssertNothingCutAsync(admin.Page.Locator("#application-grid tbody td.mud-table-cell"));
        var actions = admin.Page.Locator("#application-grid tbody tr", new() { HasText = "waiting@example.com" }).Locator("td").Last;
        await PageLayout.AssertInsideAsync(actions.Locator("button"), actions);
        await admin.ScreenshotAsync($"admin-applications-{language}");

        await admin.Page.GotoAsync("/admin/accounts");
        var row = admin.Page.Locator("#account-grid tbody tr", new() { HasText = LongEmail });
        await Expect(row.Locator(".status-chip")).ToHaveTextAsync(approvedChip);
        await PageLayout.AssertNothingCutAsync(admin.Page.Locator("#account-grid tbody td.mud-table-cell"));
        await admin.ScreenshotAsync($"admin-accounts-{language}");

        await admin.Page.GotoAsync("/admin/audit");
        await Expect(admin.Page.Locator("#audit-grid")).ToContainTextAsync($"{LongEmail} {createdNamespace} orders");
        await PageLayout.AssertNothingCutAsync(admin.Page.Locator("#audit-grid tbody td.mud-table-cell"));
        await admin.ScreenshotAsync($"admin-audit-{language}");

        await admin.Page.GotoAsync("/admin/settings");
        await Expect(admin.Page.Locator("#places-summary")).ToBeVisibleAsync();
        await admin.ScreenshotAsync($"admin-settings-{language}");
    }
}
