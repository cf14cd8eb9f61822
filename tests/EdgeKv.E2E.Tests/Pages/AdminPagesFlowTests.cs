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
