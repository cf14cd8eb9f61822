using EdgeKv.Domain.Data;
using EdgeKv.E2E.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>
/// The editor's typed-value limit in a real browser: a 3 MB value once dropped the circuit at its 4 MiB message limit,
/// the circuit reconnected, and the dialog saved 0 bytes as if all was well. Now the browser refuses it before sending.
/// Also the records tab, editor and viewer in both languages, for the screenshots.
/// </summary>
public sealed class RecordEditorLimitFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    private const int PastedChars = 3 * 1000 * 1000;

    [Fact]
    public async Task Save_Pasted3MegabyteValue_RefusedInTheBrowserAndNothingWritten()
    {
        // Arrange
        await using var user = await OpenNamespaceAsync("paster@example.com", "limits");
        await user.Page.Locator("#new-record").ClickAsync();
        var dialog = user.Page.Locator(".mud-dialog");
        await dialog.Locator("#record-key").FillAsync("big");

        // Act: paste 3 MB (Fill sets the text and fires input, as a paste does), then save.
        await dialog.Locator("#record-value").FillAsync(new string('a', PastedChars));
        await dialog.Locator("#dialog-submit").ClickAsync();

        // Assert: refused with the limit and the hint; the dialog stays; nothing reached the engine; the circuit lives.
        await Expect(dialog.Locator("#dialog-error")).ToHaveTextAsync("输入的值超过 512 KB，未发送。更大的值请改为上传文件。");
        await Expect(dialog).ToHaveCountAsync(1);
        await user.ScreenshotAsync("record-editor-too-large");
        Assert.Equal(0, (await EngineWriter.StatsAsync(server.Services, "limits")).KeyCount);
        Assert.Equal(PastedChars, await dialog.Locator("#record-value").EvaluateAsync<int>("box => box.value.length"));

        // Act: back under the limit, the same dialog saves (the circuit never dropped).
        await dialog.Locator("#record-value").FillAsync("small again");
        await dialog.Locator("#dialog-submit").ClickAsync();

        // Assert
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(KvFlowTests.RecordRow(user.Page, "big")).ToContainTextAsync("small again");
        Assert.Equal(1, (await EngineWriter.StatsAsync(server.Services, "limits")).KeyCount);
        Assert.Empty(user.Errors);
    }

    [Fact]
    public async Task Save_NegativeExpiry_RefusedAndNothingWritten()
    {
        await using var user = await OpenNamespaceAsync("expiry@example.com", "expiry");
        await user.Page.Locator("#new-record").ClickAsync();
        var dialog = user.Page.Locator(".mud-dialog");
        await dialog.Locator("#record-key").FillAsync("session");
        await dialog.Locator("#record-value").FillAsync("token");

        await dialog.Locator("#record-expire").FillAsync("-5");
        await dialog.Locator("#dialog-submit").ClickAsync();

        await Expect(dialog.Locator("#dialog-error")).ToHaveTextAsync("过期时间必须是大于 0 的整数秒。");
        Assert.Equal(0, (await EngineWriter.StatsAsync(server.Services, "expiry")).KeyCount);
    }

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("en")]
    public async Task Screens_RecordsEditorAndViewer_InEachLanguage(string culture)
    {
        // Arrange: a long key, a long value, JSON and an expiring record.
        var ns = $"shots-{culture.ToLowerInvariant()}";
        await using var user = await OpenNamespaceAsync($"shots-{culture}@example.com", ns);
        await EngineWriter.SetTextAsync(server.Services, ns, "config", "{\"count\": 1, \"name\": \"边缘存储\"}");
        await EngineWriter.SetTextAsync(server.Services, ns, new string('k', 30) + "-a-sixty-four-character-long-record-key-x", string.Concat(Enumerable.Repeat("a long value that needs an ellipsis ", 20)));
        await EngineWriter.SetTextAsync(server.Services, ns, "greeting", "你好，世界");
        var url = user.Page.Url;
        await user.Page.GotoAsync($"/culture/set?culture={culture}&returnUrl={Uri.EscapeDataString(new Uri(url).PathAndQuery)}");
        await Expect(KvFlowTests.RecordRow(user.Page, "greeting")).ToBeVisibleAsync();
        await Expect(user.Page.Locator("#record-total")).ToHaveTextAsync(culture == "en" ? "Total 3" : "共 3 条");

        // Assert: the table, the editor and the viewer, each on screen.
        await user.ScreenshotAsync($"records-tab-{culture}");
        await PageLayout.AssertNothingCutAsync(user.Page.Locator("#record-grid tbody td.record-size"));
        await user.Page.Locator("#new-record").ClickAsync();
        await Expect(user.Page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await user.ScreenshotAsync($"record-editor-{culture}");
        await user.Page.Locator("#dialog-cancel").ClickAsync();
        await Expect(user.Page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await KvFlowTests.RecordRow(user.Page, "config").Locator(".view-record").ClickAsync();
        await Expect(user.Page.Locator("#record-facts")).ToContainTextAsync(culture == "en" ? "Type Text" : "类型 文本");
        await Expect(user.Page.Locator("#download-value")).ToBeVisibleAsync();
        await user.ScreenshotAsync($"record-viewer-{culture}");
        Assert.Empty(user.Errors);
    }

    private async Task<ConsolePage> OpenNamespaceAsync(string email, string name)
    {
        var user = await server.OpenPageAsync();
        await ConsoleUser.RegisterAsync(user.Page, email);
        await DomainActions.ApproveAsync(server.Services, email);
        await DomainActions.CreateNamespacesAsync(server.Services, email, name);
        await user.Page.GotoAsync($"/kv/{await NamespaceIdAsync(name)}");
        await Expect(user.Page.Locator("#namespace-name")).ToHaveTextAsync(name);
        await Expect(user.Page.Locator("#record-grid")).ToBeVisibleAsync();
        return user;
    }

    // Straight to the namespace's page: the namespace list is another page's concern.
    private async Task<int> NamespaceIdAsync(string name)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<EdgeKvDbContext>>().CreateDbContextAsync();
        return await db.Namespaces.Where(ns => ns.Name == name).Select(ns => ns.Id).SingleAsync();
    }
}
