using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Dialogs;

public sealed class CreateNamespaceDialogTests : ConsolePageContext
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("中文")]
    public async Task Create_InvalidName_ShowsRuleAndCreatesNothing(string name)
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, _) = await OpenUserAsync("a@example.com");
        var dialog = Render<CreateNamespaceDialog>();

        dialog.Find("#namespace-name").Change(name);
        dialog.Find("#dialog-submit").Click();

        Assert.Equal("命名空间名称为 1 至 64 个字符，可包含字母、数字、“-”和“_”。", dialog.Find("#dialog-error").TextContent);
        Assert.Empty(await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Create_EleventhNamespace_ShowsTheLimitMessage()
    {
        using var culture = new CultureScope("en");
        var (user, _) = await OpenUserAsync("full@example.com", [.. Enumerable.Range(1, 10).Select(i => $"ns{i}")]);
        var dialog = Render<CreateNamespaceDialog>();

        dialog.Find("#namespace-name").Change("ns11");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("Namespace limit reached (10 per account)", dialog.Find("#dialog-error").TextContent));
        Assert.Equal(10, (await Get<NamespaceService>().ListAsync(user, cancellationToken: TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Create_ValidName_CreatesTheNamespace()
    {
        var (user, _) = await OpenUserAsync("ok@example.com");
        var dialog = Render<CreateNamespaceDialog>();

        dialog.Find("#namespace-name").Change("my-kv_1");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Single(Get<NamespaceService>().ListAsync(user).Result, ns => ns.Name == "my-kv_1"));
        Assert.Empty(dialog.FindAll("#dialog-error"));
    }
}
