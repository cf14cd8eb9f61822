using EdgeKv.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>重命名 a namespace in one browser; a second browser of the same person, on the namespace's page, follows live.</summary>
public sealed class NamespaceRenameFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task Rename_FromTheList_ShowsTheNewNameHereAndInTheOtherBrowser()
    {
        // Arrange: the list in one browser, the namespace's own page in another.
        await using var list = await server.OpenPageAsync();
        await ConsoleUser.RegisterAsync(list.Page, "renamer@example.com");
        await DomainActions.ApproveAsync(server.Services, "renamer@example.com");
        await DomainActions.CreateNamespacesAsync(server.Services, "renamer@example.com", "sessions", "settings");
        await using var detail = await server.OpenPageAsync();
        await ConsoleUser.SignInAsync(detail.Page, "renamer@example.com", ConsoleUser.Password);
        await detail.Page.GotoAsync("/kv");
        await detail.Page.Locator("a.namespace-link", new() { HasText = "sessions" }).ClickAsync();
        await Expect(detail.Page.Locator("#namespace-name")).ToHaveTextAsync("sessions");
        await list.Page.GotoAsync("/kv");

        // Act: a taken name is refused in the dialog first, then a free one is taken.
        await list.Page.Locator("button.rename-namespace[data-name='sessions']").ClickAsync();
        var dialog = list.Page.Locator(".mud-dialog");
        await Expect(dialog.Locator("#namespace-new-name")).ToHaveValueAsync("sessions");
        await dialog.Locator("#namespace-new-name").FillAsync("settings");
        await dialog.Locator("#dialog-submit").ClickAsync();
        await Expect(dialog.Locator("#dialog-error")).ToHaveTextAsync("名为“settings”的命名空间已存在。");
        await dialog.Locator("#namespace-new-name").FillAsync("user-sessions");
        await dialog.Locator("#dialog-submit").ClickAsync();

        // Assert
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(list.Page.Locator("a.namespace-link", new() { HasText = "user-sessions" })).ToBeVisibleAsync();
        await Expect(list.Page.Locator("button.rename-namespace[data-name='sessions']")).ToHaveCountAsync(0);
        await Expect(detail.Page.Locator("#namespace-name")).ToHaveTextAsync("user-sessions");
        Assert.Empty(list.Errors);
        Assert.Empty(detail.Errors);
    }
}
