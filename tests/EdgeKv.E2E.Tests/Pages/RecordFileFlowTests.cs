using EdgeKv.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace EdgeKv.E2E.Tests.Pages;

/// <summary>
/// A value larger than the circuit's 4 MiB message limit goes in through the editor's file upload and comes back
/// out through the viewer's download, byte for byte, in a real browser.
/// </summary>
public sealed class RecordFileFlowTests(ConsoleServerFixture server) : IClassFixture<ConsoleServerFixture>
{
    // Over the 4 MiB a message may carry over the circuit.
    private const int FileBytes = (6 * 1024 * 1024) + 12_345;

    [Fact]
    public async Task UploadThenDownload_SixMegabyteFile_ListedWithItsSizeAndReturnedByteForByte()
    {
        // Arrange
        var content = new byte[FileBytes];
        new Random(20240601).NextBytes(content);
        var file = Path.Combine(Path.GetTempPath(), $"edgekv-upload-{Guid.NewGuid():N}", "photo.raw");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, content, TestContext.Current.CancellationToken);
        await using var user = await server.OpenPageAsync();
        await ConsoleUser.RegisterAsync(user.Page, "uploader@example.com");
        await DomainActions.ApproveAsync(server.Services, "uploader@example.com");
        await DomainActions.CreateNamespacesAsync(server.Services, "uploader@example.com", "assets");
        await user.Page.GotoAsync("/kv");
        await user.Page.Locator("a.namespace-link", new() { HasText = "assets" }).ClickAsync();
        await Expect(user.Page.Locator("#namespace-name")).ToHaveTextAsync("assets");

        // Act: upload through 新建记录.
        await user.Page.Locator("#new-record").ClickAsync();
        var dialog = user.Page.Locator(".mud-dialog");
        await dialog.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(dialog.Locator("#record-file-chosen")).ToContainTextAsync("photo.raw · 6 MB");
        await Expect(dialog.Locator("#record-file-button")).ToHaveTextAsync("photo.raw · 6 MB");
        await Expect(dialog.Locator("#record-key")).ToHaveValueAsync("photo.raw");
        await user.ScreenshotAsync("record-upload");
        await dialog.Locator("#dialog-submit").ClickAsync();

        // Assert: listed with its size (the upload streams for a while on a busy machine: a generous wait).
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 120_000 });
        await Expect(KvFlowTests.RecordRow(user.Page, "photo.raw")).ToContainTextAsync("6 MB");

        // Act: download from the viewer.
        await KvFlowTests.RecordRow(user.Page, "photo.raw").Locator(".view-record").ClickAsync();
        var download = await user.Page.RunAndWaitForDownloadAsync(
            () => user.Page.Locator("#download-value").ClickAsync(),
            new() { Timeout = 120_000 });

        // Assert
        Assert.Equal("photo.raw", download.SuggestedFilename);
        var downloaded = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(content.Length, downloaded.Length);
        Assert.True(content.AsSpan().SequenceEqual(downloaded), "The downloaded bytes differ from the uploaded file.");
        Assert.Empty(user.Errors);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}
