using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Bindings;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Components.Pages.Projects;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>
/// User B opens user A's things by their ids (as a crafted URL would): every page and dialog reads them as not found
/// and changes nothing.
/// </summary>
public sealed class CrossUserTests : ConsolePageContext
{
    [Fact]
    public async Task Records_OfAnotherUser_AreNotListed()
    {
        using var culture = new CultureScope("zh-Hans");
        var (alice, aliceNamespaces) = await OpenUserAsync("alice@example.com", "private");
        await Get<RecordService>().PutAsync(alice, aliceNamespaces[0].Id, "secret", "42", cancellationToken: TestContext.Current.CancellationToken);
        await OpenUserAsync("bob@example.com");

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, aliceNamespaces[0].Id));

        panel.WaitForAssertion(() => Assert.Contains("未找到命名空间。", panel.Find("#records-error").TextContent));
        Assert.DoesNotContain("secret", panel.Markup);
    }

    [Fact]
    public async Task NewRecord_InAnotherUsersNamespace_IsRefusedAndNothingIsWritten()
    {
        using var culture = new CultureScope("zh-Hans");
        var (alice, aliceNamespaces) = await OpenUserAsync("alice@example.com", "private");
        await OpenUserAsync("bob@example.com");
        var (dialog, _) = await OpenDialogAsync<RecordEditorDialog>(new MudBlazor.DialogParameters { [nameof(RecordEditorDialog.NamespaceId)] = aliceNamespaces[0].Id });

        dialog.Find("#record-key").Input("planted");
        dialog.Find("#record-value").Change("x");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("未找到命名空间。", dialog.Find("#dialog-error").TextContent));
        Assert.Null(await Get<RecordService>().GetAsync(alice, aliceNamespaces[0].Id, "planted", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Bindings_OfAnotherUsersNamespace_AreNotListed()
    {
        using var culture = new CultureScope("zh-Hans");
        var (alice, aliceNamespaces) = await OpenUserAsync("alice@example.com", "private");
        var aliceProject = await Get<ProjectService>().CreateAsync(alice, "alices", cancellationToken: TestContext.Current.CancellationToken);
        await Get<BindingService>().BindAsync(alice, aliceNamespaces[0].Id, aliceProject.Id, "my_kv", TestContext.Current.CancellationToken);
        var (bob, _) = await OpenUserAsync("bob@example.com");

        var list = Render<BindingList>(p => p.Add(c => c.NamespaceId, aliceNamespaces[0].Id).Add(c => c.OwnerUserId, bob.UserId));

        list.WaitForAssertion(() => Assert.Contains("未找到命名空间。", list.Find("#bindings-error").TextContent));
        Assert.DoesNotContain("my_kv", list.Markup);
    }

    [Fact]
    public async Task Project_OfAnotherUser_ReadsAsNotFound()
    {
        using var culture = new CultureScope("zh-Hans");
        var (alice, _) = await OpenUserAsync("alice@example.com");
        var aliceProject = await Get<ProjectService>().CreateAsync(alice, "alices", cancellationToken: TestContext.Current.CancellationToken);
        await OpenUserAsync("bob@example.com");

        var page = Render<ProjectDetail>(p => p.Add(c => c.ProjectId, aliceProject.Id));

        page.WaitForAssertion(() => Assert.Contains("未找到项目。", page.Find("#load-error").TextContent));
        Assert.DoesNotContain("alices", page.Markup);
    }

    [Fact]
    public async Task Rename_AnotherUsersNamespace_IsRefusedAndTheNameStays()
    {
        using var culture = new CultureScope("zh-Hans");
        var (alice, aliceNamespaces) = await OpenUserAsync("alice@example.com", "private");
        await OpenUserAsync("bob@example.com");
        var (dialog, _) = await OpenDialogAsync<RenameNamespaceDialog>(new MudBlazor.DialogParameters<RenameNamespaceDialog> { { d => d.Namespace, aliceNamespaces[0] } });

        dialog.Find("#namespace-new-name").Input("bobs-now");
        dialog.Find("#dialog-submit").Click();

        dialog.WaitForAssertion(() => Assert.Equal("未找到命名空间。", dialog.Find("#dialog-error").TextContent));
        var stored = await Get<NamespaceService>().GetAsync(alice, aliceNamespaces[0].Id, TestContext.Current.CancellationToken);
        Assert.Equal("private", stored.Name);
    }

    [Fact]
    public async Task KvStorage_ListsOnlyTheUsersOwnNamespaces()
    {
        using var culture = new CultureScope("zh-Hans");
        await OpenUserAsync("alice@example.com", "alices");
        await OpenUserAsync("bob@example.com", "bobs");

        var page = Render<KvStorage>();

        page.WaitForAssertion(() => Assert.Equal(["bobs"], page.FindAll("a.namespace-link").Select(a => a.TextContent)));
        Assert.DoesNotContain("alices", page.Markup);
        Assert.Equal("1 / 10", page.Find("#usage-namespaces").TextContent.Trim());
    }
}
