using EdgeKv.Core.Values;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Dialogs;

public sealed class RecordEditorDialogTests : ConsolePageContext
{
    [Fact]
    public async Task Save_InvalidJson_ShowsErrorAndWritesNothing()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "ns");
        var dialog = Render<RecordEditorDialog>(p => p.Add(d => d.NamespaceId, namespaces[0].Id));

        dialog.Find("#record-key").Change("config");
        dialog.Find("#record-format .rz-radio-btn[aria-label=JSON]").Click();
        dialog.Find("#record-value").Change("{\"a\": ");
        dialog.Find("#dialog-submit").Click();

        Assert.Equal("值不是有效的 JSON", dialog.Find("#dialog-error").TextContent);
        Assert.Null(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "config", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Save_KeyOf513Bytes_ShowsTheKeyLimit()
    {
        using var culture = new CultureScope("en");
        var (_, namespaces) = await OpenUserAsync("b@example.com", "ns");
        var dialog = Render<RecordEditorDialog>(p => p.Add(d => d.NamespaceId, namespaces[0].Id));

        dialog.Find("#record-key").Change(new string('k', 513));
        dialog.Find("#record-value").Change("v");
        dialog.Find("#dialog-submit").Click();

        Assert.Equal("key must be 1 to 512 bytes", dialog.Find("#dialog-error").TextContent);
    }

    [Fact]
    public async Task Save_ValidJson_WritesAJsonRecord()
    {
        var (user, namespaces) = await OpenUserAsync("c@example.com", "ns");
        var dialog = Render<RecordEditorDialog>(p => p.Add(d => d.NamespaceId, namespaces[0].Id));

        dialog.Find("#record-key").Change("config");
        dialog.Find("#record-format .rz-radio-btn[aria-label=JSON]").Click();
        dialog.Find("#record-value").Change("{\"count\": 1}");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() =>
        {
            var record = Get<RecordService>().GetAsync(user, namespaces[0].Id, "config").Result;
            Assert.NotNull(record);
            Assert.Equal(KvValueEncoding.Json, record.Value.Encoding);
            Assert.Equal("{\"count\": 1}", record.Value.AsText());
        });
    }

    [Fact]
    public async Task Save_WithExpiry_WritesARecordThatExpires()
    {
        var (user, namespaces) = await OpenUserAsync("d@example.com", "ns");
        var dialog = Render<RecordEditorDialog>(p => p.Add(d => d.NamespaceId, namespaces[0].Id));

        dialog.Find("#record-key").Change("session");
        dialog.Find("#record-value").Change("token");
        dialog.Find("#record-expire input").Change("3600");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() =>
        {
            var record = Get<RecordService>().GetAsync(user, namespaces[0].Id, "session").Result;
            Assert.NotNull(record?.ExpiresAt);
            Assert.InRange(record.ExpiresAt.Value, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(65));
        });
    }

    [Fact]
    public async Task Edit_ExistingJsonRecord_KeepsTheKeyAndReplacesTheValue()
    {
        var (user, namespaces) = await OpenUserAsync("e@example.com", "ns");
        var records = Get<RecordService>();
        await records.PutAsync(user, namespaces[0].Id, "config", "{\"count\": 1}", RecordFormat.Json, TestContext.Current.CancellationToken);
        var existing = await records.GetAsync(user, namespaces[0].Id, "config", TestContext.Current.CancellationToken);
        var dialog = Render<RecordEditorDialog>(p => p.Add(d => d.NamespaceId, namespaces[0].Id).Add(d => d.Existing, existing));

        Assert.True(dialog.Find("#record-key").HasAttribute("disabled"));
        Assert.Equal("true", dialog.Find("#record-format .rz-radio-btn[aria-label=JSON]").GetAttribute("aria-checked"));
        Assert.Equal("{\"count\": 1}", dialog.Find("#record-value").GetAttribute("value") ?? dialog.Find("#record-value").TextContent);
        dialog.Find("#record-value").Change("{\"count\": 2}");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("{\"count\": 2}", records.GetAsync(user, namespaces[0].Id, "config").Result!.Value.AsText()));
    }

    [Theory]
    [InlineData("", "v", RecordFormat.Text, "record.invalid_key")]
    [InlineData("k", "not json", RecordFormat.Json, "record.invalid_json")]
    [InlineData("k", "not json", RecordFormat.Text, null)]
    [InlineData("键", "[1, 2]", RecordFormat.Json, null)]
    public void Validate_Input_GivesTheDomainsError(string key, string value, RecordFormat format, string? expectedCode)
    {
        var error = RecordEditorDialog.Validate(key, value, format);

        Assert.Equal(expectedCode, error?.Code);
    }
}
