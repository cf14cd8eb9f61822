using AngleSharp.Dom;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Tests.Infrastructure;
using MudBlazor;
using MudBlazor.Extensions;

namespace EdgeKv.Web.Tests.Pages;

public sealed class RecordsPanelTests : ConsolePageContext
{
    // Counting and skipping 100,000 rows takes tens of milliseconds alone, but seconds on a loaded CI machine: a generous
    // bound, never a timing assertion.
    private static readonly TimeSpan BigNamespaceWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_EmptyNamespace_SaysHowToAddOneWithOneCallToAction()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("empty@example.com", "ns");

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        panel.WaitForAssertion(() => Assert.Contains("暂无记录，点击“新建记录”添加。", panel.Find("#records-empty").TextContent));
        Assert.Equal("新建记录", panel.Find("#empty-new-record").TextContent.Trim());
        Assert.Equal("共 0 条", panel.Find("#record-total").TextContent);
    }

    [Fact]
    public async Task Render_Records_KeyAndValueGetTheWidthAndTheVersionstampIsNoColumn()
    {
        using var culture = new CultureScope("en");
        var (user, namespaces) = await OpenUserAsync("cols@example.com", "ns");
        await Get<RecordService>().PutAsync(user, namespaces[0].Id, "greeting", "hello", cancellationToken: Ct);

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        panel.WaitForElement(".record-key");
        Assert.Equal(["Key", "Value", "Size", "Expires", "Actions"], panel.FindAll("thead th").Skip(1).Select(th => th.TextContent.Trim()));
        Assert.DoesNotContain("Versionstamp", panel.Find("thead").TextContent);
        Assert.Contains("cell-ellipsis", panel.Find(".record-key").ClassList);
        Assert.Contains("cell-ellipsis", panel.Find(".record-preview").ClassList);
        Assert.Equal("Never", panel.Find(".record-expiry").TextContent);
    }

    [Fact]
    public async Task Render_ExpiringRecord_ShowsTheExpiryInTheReadersLanguage()
    {
        var (user, namespaces) = await OpenUserAsync("expiry@example.com", "ns");
        await Get<RecordService>().PutExpiringAsync(user, namespaces[0].Id, "session", "t", RecordFormat.Text, TimeSpan.FromHours(1), Ct);

        using (new CultureScope("zh-Hans"))
        {
            var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
            panel.WaitForAssertion(() => Assert.Matches(@"^\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}（UTC）$", panel.Find(".record-expiry").TextContent));
        }

        using (new CultureScope("en"))
        {
            var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
            panel.WaitForAssertion(() => Assert.Matches(@"^\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}.*\(UTC\)$", panel.Find(".record-expiry").TextContent));
        }
    }

    [Fact]
    public async Task EngineWrite_WhileShown_AppearsWithoutReloadAndTheTotalFollows()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("live@example.com", "ns");
        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForElement("#records-empty");

        var store = await Get<IKvStoreRegistry>().OpenAsync(namespaces[0].StoreId, Ct);
        await store.SetAsync(KvKey.Of("from-code"), KvValue.Text("hello"), cancellationToken: Ct);

        panel.WaitForAssertion(() => Assert.Contains("from-code", panel.FindAll(".record-key").Select(key => key.TextContent)), LiveTimeout);
        Assert.Equal("hello", panel.Find(".record-preview").TextContent);
        Assert.Equal("共 1 条", panel.Find("#record-total").TextContent);
    }

    [Fact]
    public async Task Pagination_45Records_SecondAndLastPagesShowTheirKeys()
    {
        var (user, namespaces) = await OpenUserAsync("many@example.com", "ns");
        await PutManyAsync(user, namespaces[0].Id, 45);
        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForAssertion(() => Assert.Equal(RecordPager.DefaultPageSize, panel.FindAll(".record-key").Count));

        await panel.InvokeAsync(() => panel.FindComponent<MudPagination>().Instance.NavigateToAsync(Page.Next));
        panel.WaitForAssertion(() => Assert.Equal("key-020", panel.FindAll(".record-key")[0].TextContent));
        await panel.InvokeAsync(() => panel.FindComponent<MudPagination>().Instance.NavigateToAsync(Page.Last));

        panel.WaitForAssertion(() => Assert.Equal(["key-040", "key-041", "key-042", "key-043", "key-044"], Keys(panel)));
    }

    [Fact]
    public async Task PageSize_50_ShowsFiftyRecordsAPage()
    {
        var (user, namespaces) = await OpenUserAsync("size@example.com", "ns");
        await PutManyAsync(user, namespaces[0].Id, 60);
        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForAssertion(() => Assert.Equal(20, panel.FindAll(".record-key").Count));

        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<int>>().Instance.ValueChanged.InvokeAsync(50));

        panel.WaitForAssertion(() => Assert.Equal(50, panel.FindAll(".record-key").Count));
        Assert.Equal(2, panel.FindComponent<MudPagination>().Instance.GetState(x => x.Count));
    }

    [Fact]
    public async Task PageJump_In100000Records_ShowsThatPagesKeysAndTheTotal()
    {
        // Arrange: 100,000 records, written as a Deno client would (100 commits of 1,000).
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("big@example.com", "big");
        await PutBulkAsync(namespaces[0].StoreId, 100_000);
        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForAssertion(() => Assert.Equal("key-000000", panel.FindAll(".record-key")[0].TextContent), BigNamespaceWait);
        Assert.Equal("共 100000 条", panel.Find("#record-total").TextContent);
        Assert.Equal(5000, panel.FindComponent<MudPagination>().Instance.GetState(x => x.Count));

        // Act: type 1000 in the jump box and press Enter.
        panel.Find("#page-jump").Input("1000");
        panel.Find("#page-jump").KeyUp("Enter");

        // Assert
        panel.WaitForAssertion(() => Assert.Equal("key-019980", panel.FindAll(".record-key")[0].TextContent), BigNamespaceWait);
        Assert.Equal("key-019999", panel.FindAll(".record-key")[^1].TextContent);
        Assert.Equal(1000, panel.FindComponent<MudPagination>().Instance.GetState(x => x.Selected));

        // Act: a page past the end goes to the last page.
        panel.Find("#page-jump").Input("999999");
        panel.Find("#page-go").Click();
        panel.WaitForAssertion(() => Assert.Equal("key-099999", panel.FindAll(".record-key")[^1].TextContent), BigNamespaceWait);
    }

    [Fact]
    public async Task Search_PrefixOnEnter_ShowsOnlyMatchingKeysAndTheirCount()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("search@example.com", "ns");
        foreach (var key in new[] { "user:1", "user:2", "order:1" })
        {
            await Get<RecordService>().PutAsync(user, namespaces[0].Id, key, "v", cancellationToken: Ct);
        }

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll(".record-key").Count));
        panel.Find("#record-prefix").Input("user:");
        panel.Find("#record-prefix").KeyUp("Enter");

        panel.WaitForAssertion(() => Assert.Equal(["user:1", "user:2"], Keys(panel)));
        Assert.Equal("以“user:”开头的记录共 2 条", panel.Find("#record-total").TextContent);
    }

    [Fact]
    public async Task Search_NoMatch_SaysSo()
    {
        using var culture = new CultureScope("en");
        var (user, namespaces) = await OpenUserAsync("nomatch@example.com", "ns");
        await Get<RecordService>().PutAsync(user, namespaces[0].Id, "a", "v", cancellationToken: Ct);
        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForElement(".record-key");

        panel.Find("#record-prefix").Input("zzz");
        panel.Find("#record-prefix").KeyUp("Enter");

        panel.WaitForAssertion(() => Assert.Equal("No record key starts with \"zzz\".", panel.Find("#records-empty").TextContent.Trim()));
        Assert.Empty(panel.FindAll("#empty-new-record"));
    }

    [Fact]
    public async Task Refresh_AfterAWriteElsewhere_ShowsIt()
    {
        var (user, namespaces) = await OpenUserAsync("refresh@example.com", "ns");
        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForElement("#records-empty");
        await Get<RecordService>().PutAsync(user, namespaces[0].Id, "new", "v", cancellationToken: Ct);

        panel.Find("#records-refresh").Click();

        panel.WaitForAssertion(() => Assert.Equal(["new"], Keys(panel)));
    }

    [Fact]
    public async Task BulkDelete_TwoSelectedAndConfirmed_DeletesThemAndKeepsTheOther()
    {
        // Arrange
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("bulk@example.com", "ns");
        foreach (var key in new[] { "a", "b", "c" })
        {
            await Get<RecordService>().PutAsync(user, namespaces[0].Id, key, "v", cancellationToken: Ct);
        }

        var dialogs = Render<MudDialogProvider>();
        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll(".record-key").Count));
        Assert.True(panel.Find("#delete-selected").HasAttribute("disabled"));

        // Act: select a and c, then delete them after confirming.
        RowCheckbox(panel, "a").Change(true);
        RowCheckbox(panel, "c").Change(true);
        Assert.False(panel.Find("#delete-selected").HasAttribute("disabled"));
        Assert.Contains("批量删除（2）", panel.Find("#delete-selected").TextContent);
        panel.Find("#delete-selected").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定删除选中的 2 条记录吗？", dialogs.Markup));
        dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "删除").Click();

        // Assert
        panel.WaitForAssertion(() => Assert.Equal(["b"], Keys(panel)));
        Assert.Null(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "a", Ct));
        Assert.NotNull(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "b", Ct));
        Assert.Contains("批量删除（0）", panel.Find("#delete-selected").TextContent);
    }

    [Fact]
    public async Task BulkDelete_Cancelled_DeletesNothing()
    {
        using var culture = new CultureScope("en");
        var (user, namespaces) = await OpenUserAsync("keep@example.com", "ns");
        await Get<RecordService>().PutAsync(user, namespaces[0].Id, "a", "v", cancellationToken: Ct);
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForElement(".record-key");

        RowCheckbox(panel, "a").Change(true);
        panel.Find("#delete-selected").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Cancel").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.NotNull(await Get<RecordService>().GetAsync(user, namespaces[0].Id, "a", Ct));
    }

    [Fact]
    public async Task Render_NotWritable_DisablesEveryChange()
    {
        var (user, namespaces) = await OpenUserAsync("ro@example.com", "ns");
        await Get<RecordService>().PutAsync(user, namespaces[0].Id, "a", "v", cancellationToken: Ct);

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id).Add(c => c.Writable, false));

        panel.WaitForElement(".record-key");
        Assert.True(panel.Find("#new-record").HasAttribute("disabled"));
        Assert.True(panel.Find(".edit-record").HasAttribute("disabled"));
        Assert.True(panel.Find(".delete-record").HasAttribute("disabled"));
        Assert.False(panel.Find(".view-record").HasAttribute("disabled"));
    }

    private static IElement RowCheckbox(IRenderedComponent<RecordsPanel> panel, string key) =>
        panel.FindAll("tbody tr").Single(row => row.QuerySelector(".record-key")?.TextContent == key).QuerySelector("input[type=checkbox]")!;

    private static List<string> Keys(IRenderedComponent<RecordsPanel> panel) => panel.FindAll(".record-key").Select(key => key.TextContent).ToList();

    private async Task PutManyAsync(Caller user, int namespaceId, int count)
    {
        foreach (var i in Enumerable.Range(0, count))
        {
            await Get<RecordService>().PutAsync(user, namespaceId, $"key-{i:000}", "v", cancellationToken: Ct);
        }
    }

    private async Task PutBulkAsync(string storeId, int count)
    {
        var store = await Get<IKvStoreRegistry>().OpenAsync(storeId, Ct);
        for (var first = 0; first < count; first += 1000)
        {
            var write = store.Atomic();
            for (var i = first; i < first + 1000; i++)
            {
                write.Set(KvKey.Of($"key-{i:000000}"), KvValue.Text("v"));
            }

            Assert.True((await write.CommitAsync(Ct)).Ok);
        }
    }
}
