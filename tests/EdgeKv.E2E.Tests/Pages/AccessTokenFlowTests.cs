using System.Net;
using System.Net.Http.Headers;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>访问令牌 in the browser: the secret shown once works for a program until it is revoked in the console.</summary>
public sealed class AccessTokenFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    [Fact]
    public async Task Token_CreatedInBrowser_WorksForHttpApiUntilRevoked()
    {
        // Arrange
        var (_, ns) = await TokenActions.OpenNamespaceAsync(server.Services, "tokens@example.com");
        await using var user = await server.OpenPageAsync();
        await ConsoleUser.SignInAsync(user.Page, "tokens@example.com", ConsoleUser.Password);
        await user.Page.GotoAsync("/tokens");
        await Expect(user.Page.Locator("#token-grid")).ToContainTextAsync("暂无访问令牌。");
        await Expect(user.Page.Locator(".kv-connect-url")).ToHaveTextAsync($"{server.KvConnectUrl}/kv/connect/{ns.StoreId}");

        // Act 1: 新建访问令牌 (all namespaces, read-write); the secret is shown once.
        await user.Page.Locator("#create-token").ClickAsync();
        var dialog = user.Page.Locator(".mud-dialog");
        await dialog.Locator("#token-name").FillAsync("e2e");

        // The words 全部命名空间 choose that scope (they once pointed at a div and did nothing).
        await Expect(dialog.Locator("#token-namespaces")).ToBeVisibleAsync();
        await dialog.GetByText("全部命名空间", new() { Exact = true }).ClickAsync();
        await Expect(dialog.Locator("#token-all")).ToBeCheckedAsync();
        await Expect(dialog.Locator("#token-namespaces")).ToHaveCountAsync(0);
        await dialog.GetByText("读写", new() { Exact = true }).ClickAsync();
        await dialog.Locator("#dialog-submit").ClickAsync();
        await Expect(dialog.Locator("#dialog-error")).ToHaveCountAsync(0);
        await Expect(dialog.Locator("#secret-warning")).ToContainTextAsync("仅显示一次");
        var secret = (await dialog.Locator("#token-secret").TextContentAsync())!.Trim();
        await user.ScreenshotAsync("token-secret");
        await dialog.Locator("#secret-done").ClickAsync();
        await Expect(user.Page.Locator("#token-grid")).ToContainTextAsync("e2e");
        await Expect(user.Page.Locator("#token-grid")).ToContainTextAsync("读写");
        await Expect(user.Page.Locator("#token-secret")).ToHaveCountAsync(0);
        await PageLayout.AssertEachAtLeastWideAsync(user.Page.Locator("#token-grid th"), 70);
        await PageLayout.AssertNothingCutAsync(user.Page.Locator("#token-grid tbody td.mud-table-cell"));
        await PageLayout.AssertInsideAsync(user.Page.Locator("#connection-info code"), user.Page.Locator("#connection-info"));

        // Assert 1: a program uses the secret: writes "hi" and reads it back.
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var path = $"/api/v1/namespaces/{ns.StoreId}/values/from-program";
        using (var put = await http.PutAsync(path, new StringContent("hi"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal("hi", await http.GetStringAsync(path, TestContext.Current.CancellationToken));

        // The uses show on the page once written (every second in these tests, maybe in two batches): reload until
        // they all do, bounded.
        const string used = "读取 1 次 · 写入 1 次 · 写入数据 2 B · 读取数据 2 B";
        var uses = user.Page.Locator(".token-uses");
        for (var attempt = 0; attempt < 30 && (await uses.CountAsync() == 0 || (await uses.TextContentAsync())?.Trim() != used); attempt++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await user.Page.ReloadAsync();
        }

        await Expect(uses).ToHaveTextAsync(used);
        await PageLayout.AssertNothingCutAsync(user.Page.Locator("#token-grid tbody td.mud-table-cell"));
        await user.ScreenshotAsync("tokens-used");
        await AssertUsesShownInEveryViewAsync(user);

        // Act 2: 撤销, confirmed.
        await user.Page.Locator("button.revoke-token[data-name='e2e']").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Expect(user.Page.Locator(".token-status")).ToHaveTextAsync("已撤销");
        await user.ScreenshotAsync("tokens");

        // Assert 2: the next call is refused.
        using var refused = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AdminTokens_AnotherUsersToken_ListedWithItsOwnerInReadableColumns()
    {
        // Arrange
        const string owner = "token.owner.with.a.long.address@example.com";
        await TokenActions.OpenNamespaceWithTokenAsync(server.Services, owner);
        await using var admin = await server.OpenPageAsync();
        await ConsoleUser.SignInAsync(admin.Page, ConsoleUser.AdminEmail, ConsoleUser.AdminPassword);

        // Act
        await admin.Page.GotoAsync("/admin/tokens");

        // Assert: the owner's address is shown whole, and no column is squeezed out of sight.
        var row = admin.Page.Locator("#token-grid tbody tr", new() { HasText = owner });
        await Expect(row).ToContainTextAsync("program");
        await PageLayout.AssertEachAtLeastWideAsync(admin.Page.Locator("#token-grid th"), 70);
        await PageLayout.AssertNothingCutAsync(row.Locator("td.mud-table-cell"));
        await admin.ScreenshotAsync("admin-tokens");
    }

    private static readonly (int Width, string Language, string Suffix, string Uses)[] UsedViews =
    [
        (1440, "zh-Hans", "zh", "读取 1 次 · 写入 1 次 · 写入数据 2 B · 读取数据 2 B"),
        (1440, "en", "en", "Reads: 1 · Writes: 1 · Written: 2 B · Read: 2 B"),
        (1024, "zh-Hans", "zh-1024", "读取 1 次 · 写入 1 次 · 写入数据 2 B · 读取数据 2 B"),
        (1024, "en", "en-1024", "Reads: 1 · Writes: 1 · Written: 2 B · Read: 2 B"),
    ];

    /// <summary>The token's uses (bytes read beside bytes written) in both languages at 1440 and 1024 px, nothing cut.</summary>
    private static async Task AssertUsesShownInEveryViewAsync(ConsolePage user)
    {
        var problems = new List<string>();
        foreach (var (width, language, suffix, uses) in UsedViews)
        {
            await user.Page.SetViewportSizeAsync(width, 900);
            await user.Page.GotoAsync($"/culture/set?culture={language}&returnUrl={Uri.EscapeDataString("/tokens")}");
            await Expect(user.Page.Locator(".token-uses")).ToHaveTextAsync(uses);
            await PageLayout.AssertNothingCutAsync(user.Page.Locator("#token-grid tbody td.mud-table-cell"));
            await Screenshots.SaveAsync(user.Page, $"tokens-used-{suffix}", toDocs: false);
            problems.AddRange((await LayoutProblems.OfAsync(user.Page, language)).Select(problem => $"{width} px, {language}: {problem}"));
        }

        // Back to the page as the flow opened it, for its next steps.
        await user.Page.SetViewportSizeAsync(1280, 800);
        await user.Page.GotoAsync($"/culture/set?culture=zh-Hans&returnUrl={Uri.EscapeDataString("/tokens")}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
