using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Dialogs;

public sealed class RecordViewerDialogTests : ConsoleComponentContext
{
    [Fact]
    public void Render_JsonRecord_ShowsTextFormattedJsonAndHex()
    {
        using var culture = new CultureScope("zh-Hans");
        var record = new KvRecord(KvKey.Of("config"), KvValue.Json("{\"count\":1}"), Versionstamp.FromCommitVersion(7), null);

        var dialog = Render<RecordViewerDialog>(p => p.Add(d => d.Record, record));

        Assert.Equal("{\"count\":1}", dialog.Find("#record-text").TextContent);
        Assert.Equal("{\n  \"count\": 1\n}", dialog.Find("#record-json").TextContent);
        Assert.StartsWith("00000000  7b 22 63 6f", dialog.Find("#record-hex").TextContent);
        Assert.Contains("版本戳 00000000000000070000", dialog.Find("#record-facts").TextContent);
    }

    [Fact]
    public void Render_BinaryRecord_SaysItIsNotTextAndShowsHex()
    {
        using var culture = new CultureScope("en");
        var record = new KvRecord(KvKey.Of("blob"), KvValue.Bytes(new byte[] { 0xff, 0x00 }), Versionstamp.FromCommitVersion(1), null);

        var dialog = Render<RecordViewerDialog>(p => p.Add(d => d.Record, record));

        Assert.Contains("This value is binary; see the hex view.", dialog.Markup);
        Assert.Contains("This value is not JSON.", dialog.Markup);
        Assert.StartsWith("00000000  ff 00", dialog.Find("#record-hex").TextContent);
    }

    [Fact]
    public void Render_StringKey_LinksTheDownloadOfItsValue()
    {
        using var culture = new CultureScope("zh-Hans");
        var record = new KvRecord(KvKey.Of("reports/q1 2024"), KvValue.Bytes(new byte[] { 1 }), Versionstamp.FromCommitVersion(1), null);

        var dialog = Render<RecordViewerDialog>(p => p.Add(d => d.NamespaceId, 7).Add(d => d.Record, record));

        var link = dialog.Find("#download-value");
        Assert.Equal("console/namespaces/7/values/download?key=reports%2Fq1%202024", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        Assert.Equal("download下载值", link.TextContent.Trim());
    }

    [Fact]
    public void Render_TupleKey_HasNoDownload()
    {
        var record = new KvRecord(KvKey.Of("users", 42.0), KvValue.Bytes(new byte[] { 1 }), Versionstamp.FromCommitVersion(1), null);

        var dialog = Render<RecordViewerDialog>(p => p.Add(d => d.NamespaceId, 7).Add(d => d.Record, record));

        Assert.Empty(dialog.FindAll("#download-value"));
    }
}
