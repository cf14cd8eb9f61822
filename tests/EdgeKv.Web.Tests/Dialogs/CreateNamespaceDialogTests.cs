using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Dialogs;

public sealed class CreateNamespaceDialogTests : ConsolePageContext
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("中文")]
    public async Task Create_InvalidName_ShowsRuleAndCreatesNothing(string name)
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("a@example.com");
        var (dialog, _) = await OpenDialogAsync<CreateNamespaceDialog>();

        dialog.Find("#namespace-name").Input(name);
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("命名空间名称为 1 至 64 个字符，可包含字母、数字、“-”和“_”。", dialog.Find("#dialog-error").TextContent), Timeout);
        Assert.Empty(await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Render_Chinese_ShowsTheRuleAndCreateButton()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenUserAsync("zh@example.com");

        var (dialog, _) = await OpenDialogAsync<CreateNamespaceDialog>();

        Assert.Contains("1 至 64 个字符，可包含字母、数字、“-”和“_”。", dialog.Find(".dialog-hint").TextContent);
        Assert.Equal("创建", dialog.Find("#dialog-submit").TextContent.Trim());
        Assert.Equal("取消", dialog.Find("#dialog-cancel").TextContent.Trim());
    }

    [Fact]
    public async Task Create_EleventhNamespace_ShowsTheLimitMessage()
    {
        using var culture = new CultureScope("en");
        var (user, _) = await OpenUserAsync("full@example.com", [.. Enumerable.Range(1, 10).Select(i => $"ns{i}")]);
        var (dialog, _) = await OpenDialogAsync<CreateNamespaceDialog>();

        dialog.Find("#namespace-name").Input("ns11");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("Namespace limit reached (10 per account)", dialog.Find("#dialog-error").TextContent), Timeout);
        Assert.Equal(10, (await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Create_ValidName_ClosesWithTheCreatedNamespace()
    {
        var (user, _) = await OpenUserAsync("ok@example.com");
        var (dialog, reference) = await OpenDialogAsync<CreateNamespaceDialog>();

        dialog.Find("#namespace-name").Input("my-kv_1");
        dialog.Find("#dialog-submit").Click();

        var result = await reference.Result.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.Equal("my-kv_1", Assert.IsType<NamespaceView>(result!.Data).Name);
        Assert.Single(await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken), ns => ns.Name == "my-kv_1");
    }

    [Fact]
    public async Task Cancel_ClosesWithoutCreating()
    {
        var (user, _) = await OpenUserAsync("cancel@example.com");
        var (dialog, reference) = await OpenDialogAsync<CreateNamespaceDialog>();

        dialog.Find("#namespace-name").Input("never");
        dialog.Find("#dialog-cancel").Click();

        var result = await reference.Result.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.True(result!.Canceled);
        Assert.Empty(await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken));
    }
}
