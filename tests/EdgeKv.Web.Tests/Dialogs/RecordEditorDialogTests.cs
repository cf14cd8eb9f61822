using AngleSharp.Dom;
using EdgeKv.Core;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Hosting;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;

namespace EdgeKv.Web.Tests.Dialogs;

public sealed class RecordEditorDialogTests : ConsolePageContext
{
    internal const string GuardModule = "./Components/Pages/Kv/Records/RecordEditorDialog.razor.js";

    private static readonly TimeSpan DialogTimeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_InvalidJson_ShowsErrorAndWritesNothing()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("a@example.com", "ns");
        var (provider, _) = await OpenEditorAsync(namespaces[0].Id);

        provider.Find("#record-key").Input("config");
        ChooseFormat(provider, "JSON");
        provider.Find("#record-value").Change("{\"a\": ");
        provider.Find("#dialog-submit").Click();

        provider.WaitForAssertion(() => Assert.Equal("值不是有效的 JSON", provider.Find("#dialog-error").TextContent));
        Assert.Null(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "config", Ct));
    }

    [Fact]
    public async Task Save_KeyOf513Bytes_ShowsTheKeyLimit()
    {
        using var culture = new CultureScope("en");
        var (_, namespaces) = await OpenUserAsync("b@example.com", "ns");
        var (provider, _) = await OpenEditorAsync(namespaces[0].Id);

        provider.Find("#record-key").Input(new string('k', 513));
        provider.Find("#record-value").Change("v");
        provider.Find("#dialog-submit").Click();

        provider.WaitForAssertion(() => Assert.Equal("key must be 1 to 512 bytes", provider.Find("#dialog-error").TextContent));
    }

    [Fact]
    public async Task Save_ValidJson_ClosesWithTheVersionstampTheEngineGave()
    {
        var (user, namespaces) = await OpenUserAsync("c@example.com", "ns");
        var (provider, dialog) = await OpenEditorAsync(namespaces[0].Id);

        provider.Find("#record-key").Input("config");
        ChooseFormat(provider, "JSON");
        provider.Find("#record-value").Change("{\"count\": 1}");
        provider.Find("#dialog-submit").Click();

        var result = await dialog.Result.WaitAsync(DialogTimeout, Ct);
        var record = await Get<RecordService>().GetAsync(user, namespaces[0].Id, "config", Ct);
        Assert.NotNull(record);
        Assert.Equal(KvValueEncoding.Json, record.Value.Encoding);
        Assert.Equal("{\"count\": 1}", record.Value.AsText());
        Assert.Equal(record.Versionstamp, Assert.IsType<Versionstamp>(result!.Data));
    }

    [Fact]
    public async Task Save_WithExpiry_WritesARecordThatExpires()
    {
        var (user, namespaces) = await OpenUserAsync("d@example.com", "ns");
        var (provider, dialog) = await OpenEditorAsync(namespaces[0].Id);

        provider.Find("#record-key").Input("session");
        provider.Find("#record-value").Change("token");
        provider.Find("#record-expire").Input("3600");
        provider.Find("#dialog-submit").Click();

        await dialog.Result.WaitAsync(DialogTimeout, Ct);
        var record = await Get<RecordService>().GetAsync(user, namespaces[0].Id, "session", Ct);
        Assert.NotNull(record?.ExpiresAt);
        Assert.InRange(record.ExpiresAt.Value, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(65));
    }

    [Theory]
    [InlineData("zh-Hans", "-5", "过期时间必须是大于 0 的整数秒。")]
    [InlineData("en", "0", "The expiry must be a whole number of seconds greater than 0.")]
    public async Task Save_ExpiryNotPositive_RefusedWithTheMessageAndNothingWritten(string language, string seconds, string message)
    {
        // The old numeric box turned -5 into 1 second and saved.
        using var culture = new CultureScope(language);
        var (user, namespaces) = await OpenUserAsync($"neg-{seconds}@example.com", "ns");
        var (provider, dialog) = await OpenEditorAsync(namespaces[0].Id);

        provider.Find("#record-key").Input("session");
        provider.Find("#record-value").Change("token");
        provider.Find("#record-expire").Input(seconds);
        provider.Find("#dialog-submit").Click();

        provider.WaitForAssertion(() => Assert.Equal(message, provider.Find("#dialog-error").TextContent));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Null(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "session", Ct));
    }

    [Fact]
    public async Task Render_ValueBox_IsGuardedInTheBrowserAtTheTypedLimit()
    {
        var module = JSInterop.SetupModule(GuardModule);
        module.Mode = JSRuntimeMode.Loose;
        var (_, namespaces) = await OpenUserAsync("guard@example.com", "ns");

        var (provider, _) = await OpenEditorAsync(namespaces[0].Id);

        var call = module.VerifyInvoke("guardTypedValue");
        Assert.Equal("record-value", call.Arguments[0]);
        Assert.Equal(CircuitLimits.MaxTypedValueBytes, call.Arguments[1]);

        // The browser must not cut a long paste silently (MudBlazor's default maxlength is 524,288 characters).
        Assert.Equal(int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), provider.Find("#record-value").GetAttribute("maxlength"));
    }

    [Theory]
    [InlineData("zh-Hans", "输入的值超过 512 KB，未发送。更大的值请改为上传文件。")]
    [InlineData("en", "The typed value is over 512 KB, so it was not sent. Upload a larger value as a file instead.")]
    public async Task Save_TypedValueOverTheLimit_RefusedWithTheLimitAndNothingWritten(string language, string message)
    {
        // Arrange: the browser's guard reports text over the limit (it held the text back; the server has the old value).
        using var culture = new CultureScope(language);
        var (user, namespaces) = await OpenUserAsync($"big-{language}@example.com", "ns");
        var (provider, dialog) = await OpenEditorAsync(namespaces[0].Id);
        provider.Find("#record-key").Input("big");
        var editor = provider.FindComponent<RecordEditorDialog>();
        await provider.InvokeAsync(() => editor.Instance.TypedSizeChanged(tooLarge: true));

        // Act
        provider.Find("#dialog-submit").Click();

        // Assert
        provider.WaitForAssertion(() => Assert.Equal(message, provider.Find("#dialog-error").TextContent));
        Assert.Contains(message, provider.Find(".record-value").TextContent);
        Assert.False(dialog.Result.IsCompleted);
        Assert.Null(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "big", Ct));
    }

    [Fact]
    public async Task Save_TypedValueBackUnderTheLimit_Writes()
    {
        var (user, namespaces) = await OpenUserAsync("back@example.com", "ns");
        var (provider, dialog) = await OpenEditorAsync(namespaces[0].Id);
        var editor = provider.FindComponent<RecordEditorDialog>();
        provider.Find("#record-key").Input("k");
        await provider.InvokeAsync(() => editor.Instance.TypedSizeChanged(tooLarge: true));

        await provider.InvokeAsync(() => editor.Instance.TypedSizeChanged(tooLarge: false));
        provider.Find("#record-value").Change("short again");
        provider.Find("#dialog-submit").Click();

        await dialog.Result.WaitAsync(DialogTimeout, Ct);
        Assert.Equal("short again", (await Get<RecordService>().GetAsync(user, namespaces[0].Id, "k", Ct))!.Value.AsText());
    }

    [Fact]
    public async Task Edit_ExistingJsonRecord_KeepsTheKeyAndReplacesTheValue()
    {
        var (user, namespaces) = await OpenUserAsync("e@example.com", "ns");
        var records = Get<RecordService>();
        await records.PutAsync(user, namespaces[0].Id, "config", "{\"count\": 1}", RecordFormat.Json, Ct);
        var existing = await records.GetAsync(user, namespaces[0].Id, "config", Ct);
        var (provider, dialog) = await OpenEditorAsync(namespaces[0].Id, existing);

        Assert.True(provider.Find("#record-key").HasAttribute("disabled"));
        Assert.True(FormatRadio(provider, "JSON").HasAttribute("checked"));
        Assert.Equal("{\"count\": 1}", provider.Find("#record-value").GetAttribute("value"));
        provider.Find("#record-value").Change("{\"count\": 2}");
        provider.Find("#dialog-submit").Click();

        await dialog.Result.WaitAsync(DialogTimeout, Ct);
        Assert.Equal("{\"count\": 2}", (await records.GetAsync(user, namespaces[0].Id, "config", Ct))!.Value.AsText());
    }

    [Fact]
    public async Task Render_Chinese_LabelsAndLimitHintAreChinese()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("zh@example.com", "ns");

        var (provider, _) = await OpenEditorAsync(namespaces[0].Id);

        Assert.Equal("手动输入最多 512 KB；更大的值请上传文件（最大 25 MB）。", provider.Find("#record-value-helper-text").TextContent);
        Assert.Equal("选择文件", provider.Find("#record-file-button").TextContent.Trim());
        Assert.Equal(["文本", "JSON"], provider.FindAll("#record-format label").Select(label => label.TextContent.Trim()));
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

    internal static IElement FormatRadio(IRenderedComponent<MudDialogProvider> provider, string label) =>
        provider.FindAll("#record-format label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!;

    internal static void ChooseFormat(IRenderedComponent<MudDialogProvider> provider, string label) => FormatRadio(provider, label).Click();

    internal Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenEditorAsync(int namespaceId, KvRecord? existing = null) =>
        OpenDialogAsync<RecordEditorDialog>(new DialogParameters { [nameof(RecordEditorDialog.NamespaceId)] = namespaceId, [nameof(RecordEditorDialog.Existing)] = existing });
}
