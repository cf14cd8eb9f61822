using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Dialogs;

public sealed class RecordViewerDialogTests : ConsoleComponentContext
{
    [Fact]
    public async Task Render_JsonRecord_ShowsTextFormattedJsonAndHex()
    {
        using var culture = new CultureScope("zh-Hans");
        var record = new KvRecord(KvKey.Of("config"), KvValue.Json("{\"count\":1}"), Versionstamp.FromCommitVersion(7), null);

        var dialog = await OpenViewerAsync(record);

        Assert.Equal("{\"count\":1}", dialog.Find("#record-text").TextContent);
        await ShowTabAsync(dialog, 1);
        Assert.Equal("{\n  \"count\": 1\n}", dialog.Find("#record-json").TextContent);
        await ShowTabAsync(dialog, 2);
        Assert.StartsWith("00000000  7b 22 63 6f", dialog.Find("#record-hex").TextContent);
        Assert.Contains("版本戳 00000000000000070000", dialog.Find("#record-facts").TextContent);
    }

    [Theory]
    [InlineData("zh-Hans", KvValueEncoding.Text, "类型 文本 · ")]
    [InlineData("zh-Hans", KvValueEncoding.Json, "类型 JSON · ")]
    [InlineData("zh-Hans", KvValueEncoding.Bytes, "类型 二进制 · ")]
    [InlineData("zh-Hans", KvValueEncoding.U64, "类型 KvU64（64 位整数） · ")]
    [InlineData("en", KvValueEncoding.Text, "Type Text · ")]
    [InlineData("en", KvValueEncoding.Bytes, "Type Binary · ")]
    [InlineData("en", KvValueEncoding.U64, "Type KvU64 (64-bit integer) · ")]
    public async Task Render_AnyKind_NamesItInThePagesLanguage(string language, KvValueEncoding encoding, string expected)
    {
        // The viewer once showed the enum's name (Json, Text) on Chinese pages.
        using var culture = new CultureScope(language);
        var value = encoding switch
        {
            KvValueEncoding.Text => KvValue.Text("hi"),
            KvValueEncoding.Json => KvValue.Json("1"),
            KvValueEncoding.U64 => KvValue.U64(5),
            _ => KvValue.Bytes(new byte[] { 1 }),
        };

        var dialog = await OpenViewerAsync(new KvRecord(KvKey.Of("k"), value, Versionstamp.FromCommitVersion(1), null));

        Assert.StartsWith(expected, dialog.Find("#record-facts").TextContent.Trim());
    }

    [Fact]
    public async Task Render_BinaryRecord_SaysItIsNotTextAndShowsHex()
    {
        using var culture = new CultureScope("en");
        var record = new KvRecord(KvKey.Of("blob"), KvValue.Bytes(new byte[] { 0xff, 0x00 }), Versionstamp.FromCommitVersion(1), null);

        var dialog = await OpenViewerAsync(record);

        Assert.Contains("This value is binary; see the hex view.", dialog.Markup);
        await ShowTabAsync(dialog, 1);
        Assert.Contains("This value is not JSON.", dialog.Markup);
        await ShowTabAsync(dialog, 2);
        Assert.StartsWith("00000000  ff 00", dialog.Find("#record-hex").TextContent);
    }

    [Fact]
    public async Task Render_StringKey_DownloadIsAVisibleOutlinedPrimaryButton()
    {
        // The old download link was drawn white on white.
        using var culture = new CultureScope("zh-Hans");
        var record = new KvRecord(KvKey.Of("reports/q1 2024"), KvValue.Bytes(new byte[] { 1 }), Versionstamp.FromCommitVersion(1), null);

        var dialog = await OpenViewerAsync(record, namespaceId: 7);

        var link = dialog.Find("#download-value");
        Assert.Equal("a", link.TagName.ToLowerInvariant());
        Assert.Equal("console/namespaces/7/values/download?key=reports%2Fq1%202024", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        Assert.Contains("mud-button-outlined", link.ClassList);
        Assert.Contains("mud-button-outlined-primary", link.ClassList);
        Assert.Equal("下载值", link.TextContent.Trim());
    }

    [Fact]
    public async Task Render_TupleKey_HasNoDownload()
    {
        var record = new KvRecord(KvKey.Of("users", 42.0), KvValue.Bytes(new byte[] { 1 }), Versionstamp.FromCommitVersion(1), null);

        var dialog = await OpenViewerAsync(record, namespaceId: 7);

        Assert.Empty(dialog.FindAll("#download-value"));
    }

    [Fact]
    public async Task Close_ClosesTheDialog()
    {
        var record = new KvRecord(KvKey.Of("k"), KvValue.Text("v"), Versionstamp.FromCommitVersion(1), null);
        var (provider, reference) = await OpenDialogAsync<RecordViewerDialog>(Parameters(record, 1));

        provider.Find("#dialog-cancel").Click();

        await reference.Result.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
    }

    private static DialogParameters Parameters(KvRecord record, int namespaceId) =>
        new() { [nameof(RecordViewerDialog.NamespaceId)] = namespaceId, [nameof(RecordViewerDialog.Record)] = record };

    private static Task ShowTabAsync(IRenderedComponent<MudDialogProvider> dialog, int index) =>
        dialog.InvokeAsync(() => dialog.FindComponent<MudTabs>().Instance.ActivatePanelAsync(index, false));

    private async Task<IRenderedComponent<MudDialogProvider>> OpenViewerAsync(KvRecord record, int namespaceId = 1)
    {
        var (provider, _) = await OpenDialogAsync<RecordViewerDialog>(Parameters(record, namespaceId));
        return provider;
    }
}
