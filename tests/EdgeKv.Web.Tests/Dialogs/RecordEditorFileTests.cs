using EdgeKv.Core;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace EdgeKv.Web.Tests.Dialogs;

/// <summary>The record editor's file upload: bytes as they are, text when asked, and the engine's limits.</summary>
public sealed class RecordEditorFileTests : ConsolePageContext
{
    [Fact]
    public async Task ChooseFile_SmallBinaryFile_StoredAsBytesUnderTheFileName()
    {
        // Arrange
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("f1@example.com", "ns");
        var (dialog, _) = await OpenDialogAsync<RecordEditorDialog>(new DialogParameters { [nameof(RecordEditorDialog.NamespaceId)] = namespaces[0].Id });
        byte[] content = [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0a];

        // Act
        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, "logo.png"));
        Assert.Equal("logo.png", dialog.Find("#record-key").GetAttribute("value"));
        Assert.True(RecordEditorDialogTests.FormatRadio(dialog, "二进制").HasAttribute("checked"));
        Assert.Equal("logo.png · 7 B", dialog.Find("#record-file-button").TextContent.Trim());
        dialog.Find("#dialog-submit").Click();

        // Assert
        dialog.WaitForAssertion(() =>
        {
            var record = Get<RecordService>().GetAsync(user, namespaces[0].Id, "logo.png").Result;
            Assert.NotNull(record);
            Assert.Equal(KvValueEncoding.Bytes, record.Value.Encoding);
            Assert.Equal(content, record.Value.Data.ToArray());
        });
    }

    [Fact]
    public async Task ChooseFile_Utf8FileAsText_StoredAsText()
    {
        // Arrange
        using var culture = new CultureScope("en");
        var (user, namespaces) = await OpenUserAsync("f2@example.com", "ns");
        var (dialog, _) = await OpenDialogAsync<RecordEditorDialog>(new DialogParameters { [nameof(RecordEditorDialog.NamespaceId)] = namespaces[0].Id });

        // Act
        dialog.Find("#record-key").Input("readme");
        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("第一行\n second line", "README.md"));
        RecordEditorDialogTests.ChooseFormat(dialog, "Text");
        dialog.Find("#dialog-submit").Click();

        // Assert: the typed key stays; the file's name does not replace it.
        dialog.WaitForAssertion(() =>
        {
            var record = Get<RecordService>().GetAsync(user, namespaces[0].Id, "readme").Result;
            Assert.NotNull(record);
            Assert.Equal(KvValueEncoding.Text, record.Value.Encoding);
            Assert.Equal("第一行\n second line", record.Value.AsText());
        });
    }

    [Fact]
    public async Task ChooseFile_NotUtf8AsText_ShowsErrorAndWritesNothing()
    {
        // Arrange
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("f3@example.com", "ns");
        var (dialog, _) = await OpenDialogAsync<RecordEditorDialog>(new DialogParameters { [nameof(RecordEditorDialog.NamespaceId)] = namespaces[0].Id });

        // Act
        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0x61, 0xff, 0x62], "latin1.txt"));
        RecordEditorDialogTests.ChooseFormat(dialog, "文本");
        dialog.Find("#dialog-submit").Click();

        // Assert
        dialog.WaitForAssertion(() => Assert.Equal("值不是有效的 UTF-8 文本", dialog.Find("#dialog-error").TextContent));
        Assert.Null(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "latin1.txt", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ChooseFile_OneByteOverTheLimit_RefusedWithTheEngineMessageAndNothingWritten()
    {
        // Arrange
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("f4@example.com", "ns");
        var (dialog, _) = await OpenDialogAsync<RecordEditorDialog>(new DialogParameters { [nameof(RecordEditorDialog.NamespaceId)] = namespaces[0].Id });

        // Act
        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[KvLimits.MaxValueBytes + 1], "huge.bin"));

        // Assert: refused on choosing, in the engine's words; the typed-value form is back and nothing is stored.
        Assert.Equal("Value too large (max 26214400 bytes)", dialog.Find("#dialog-error").TextContent);
        Assert.Empty(dialog.FindAll("#record-file-chosen"));
        Assert.NotNull(dialog.Find("#record-value"));
        Assert.Null(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "huge.bin", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ChooseFile_OverTheAccountsCapacity_ShowsTheQuotaMessageAndWritesNothing()
    {
        // Arrange
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("f5@example.com", "ns");
        await Get<AccountApplicationService>().SetQuotaAsync(Admin, namespaces[0].AccountId, 4096, 10, TestContext.Current.CancellationToken);
        var (dialog, _) = await OpenDialogAsync<RecordEditorDialog>(new DialogParameters { [nameof(RecordEditorDialog.NamespaceId)] = namespaces[0].Id });

        // Act
        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[8192], "data.bin"));
        dialog.Find("#dialog-submit").Click();

        // Assert
        dialog.WaitForAssertion(() => Assert.Equal($"超出存储容量：{KvErrors.QuotaExceeded(4096)}", dialog.Find("#dialog-error").TextContent));
        Assert.Null(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "data.bin", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ClearFile_AfterChoosing_TypedValueIsWrittenInstead()
    {
        // Arrange
        using var culture = new CultureScope("en");
        var (user, namespaces) = await OpenUserAsync("f6@example.com", "ns");
        var (dialog, _) = await OpenDialogAsync<RecordEditorDialog>(new DialogParameters { [nameof(RecordEditorDialog.NamespaceId)] = namespaces[0].Id });
        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "a.bin"));

        // Act
        dialog.Find("#record-file-clear").Click();
        dialog.Find("#record-value").Change("typed");
        dialog.Find("#dialog-submit").Click();

        // Assert
        dialog.WaitForAssertion(() =>
        {
            var record = Get<RecordService>().GetAsync(user, namespaces[0].Id, "a.bin").Result;
            Assert.Equal(KvValueEncoding.Text, record?.Value.Encoding);
            Assert.Equal("typed", record!.Value.AsText());
        });
    }
}
