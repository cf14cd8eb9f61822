using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Dialogs;

public sealed class RenameNamespaceDialogTests : ConsolePageContext
{
    [Fact]
    public async Task Render_OwnNamespace_StartsWithTheCurrentName()
    {
        var (_, namespaces) = await OpenUserAsync("start@example.com", "orders");

        var (dialog, _) = await OpenAsync(namespaces[0]);

        Assert.Equal("orders", dialog.Find("#namespace-new-name").GetAttribute("value"));
    }

    [Fact]
    public async Task Rename_ValidName_RenamesTheNamespaceAndKeepsItsRecords()
    {
        var (user, namespaces) = await OpenUserAsync("ok@example.com", "orders");
        await Get<RecordService>().PutAsync(user, namespaces[0].Id, "k", "v", cancellationToken: TestContext.Current.CancellationToken);
        var (dialog, _) = await OpenAsync(namespaces[0]);

        dialog.Find("#namespace-new-name").Input("archive_2024");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("archive_2024", NameOf(namespaces[0].Id, user)));
        Assert.Empty(dialog.FindAll("#dialog-error"));
        Assert.Equal(1, (await Get<NamespaceService>().GetAsync(user, namespaces[0].Id, TestContext.Current.CancellationToken)).KeyCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("中文")]
    public async Task Rename_InvalidName_ShowsTheCreateRuleAndChangesNothing(string name)
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("bad@example.com", "orders");
        var (dialog, _) = await OpenAsync(namespaces[0]);

        dialog.Find("#namespace-new-name").Input(name);
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("命名空间名称为 1 至 64 个字符，可包含字母、数字、“-”和“_”。", dialog.Find("#dialog-error").TextContent));
        Assert.Equal("orders", NameOf(namespaces[0].Id, user));
    }

    [Fact]
    public async Task Rename_NameTakenInTheAccount_ShowsTakenAndChangesNothing()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("taken@example.com", "orders", "archive");
        var (dialog, _) = await OpenAsync(namespaces[0]);

        dialog.Find("#namespace-new-name").Input("archive");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("名为“archive”的命名空间已存在。", dialog.Find("#dialog-error").TextContent));
        Assert.Equal("orders", NameOf(namespaces[0].Id, user));
        Assert.Equal("archive", NameOf(namespaces[1].Id, user));
    }

    [Fact]
    public async Task Rename_SameName_ClosesWithoutAChange()
    {
        var (_, namespaces) = await OpenUserAsync("same@example.com", "orders");
        var (dialog, reference) = await OpenAsync(namespaces[0]);

        dialog.Find("#dialog-submit").Click();

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(result!.Canceled);
        Assert.Null(result.Data);
    }

    private Task<(Bunit.IRenderedComponent<MudBlazor.MudDialogProvider> Provider, MudBlazor.IDialogReference Dialog)> OpenAsync(NamespaceView ns) =>
        OpenDialogAsync<RenameNamespaceDialog>(new MudBlazor.DialogParameters<RenameNamespaceDialog> { { d => d.Namespace, ns } });

    private string NameOf(int namespaceId, Caller owner) =>
        Get<NamespaceService>().GetAsync(owner, namespaceId).GetAwaiter().GetResult().Name;
}
