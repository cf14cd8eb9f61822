using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages;

public sealed class RecordsPanelTests : ConsolePageContext
{
    private static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Render_EmptyNamespace_SaysHowToAddOne()
    {
        using var culture = new CultureScope("zh-Hans");
        var (_, namespaces) = await OpenUserAsync("empty@example.com", "ns");

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));

        panel.WaitForAssertion(() => Assert.Contains("暂无记录，点击“新建记录”添加。", panel.Find("#record-grid").TextContent));
    }

    [Fact]
    public async Task EngineWrite_WhileShown_AppearsWithoutReload()
    {
        var (_, namespaces) = await OpenUserAsync("live@example.com", "ns");
        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForElement("#record-grid");

        var store = await Get<IKvStoreRegistry>().OpenAsync(namespaces[0].StoreId, TestContext.Current.CancellationToken);
        await store.SetAsync(KvKey.Of("from-code"), KvValue.Text("hello"), cancellationToken: TestContext.Current.CancellationToken);

        panel.WaitForAssertion(() => Assert.Contains("from-code", panel.FindAll(".record-key").Select(key => key.TextContent)), LiveTimeout);
        Assert.Equal("hello", panel.Find(".record-preview").TextContent);
    }

    [Fact]
    public async Task Paging_120Records_NextAndPreviousFollowTheCursor()
    {
        var (user, namespaces) = await OpenUserAsync("many@example.com", "ns");
        foreach (var i in Enumerable.Range(0, 120))
        {
            await Get<RecordService>().PutAsync(user, namespaces[0].Id, $"key-{i:000}", "v", cancellationToken: TestContext.Current.CancellationToken);
        }

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForAssertion(() => Assert.Equal(RecordPager.PageSize, panel.FindAll(".record-key").Count));
        panel.Find("#page-next").Click();
        panel.WaitForAssertion(() => Assert.Equal("key-050", panel.FindAll(".record-key")[0].TextContent));
        panel.Find("#page-next").Click();
        panel.WaitForAssertion(() => Assert.Equal(20, panel.FindAll(".record-key").Count));

        Assert.True(panel.Find("#page-next").HasAttribute("disabled"));
        panel.Find("#page-previous").Click();
        panel.WaitForAssertion(() => Assert.Equal("key-050", panel.FindAll(".record-key")[0].TextContent));
    }

    [Fact]
    public async Task Search_Prefix_ShowsOnlyMatchingKeys()
    {
        var (user, namespaces) = await OpenUserAsync("search@example.com", "ns");
        foreach (var key in new[] { "user:1", "user:2", "order:1" })
        {
            await Get<RecordService>().PutAsync(user, namespaces[0].Id, key, "v", cancellationToken: TestContext.Current.CancellationToken);
        }

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll(".record-key").Count));
        panel.Find("#record-prefix").Change("user:");
        panel.Find("#record-search").Click();

        panel.WaitForAssertion(() => Assert.Equal(["user:1", "user:2"], panel.FindAll(".record-key").Select(key => key.TextContent)));
    }

    [Fact]
    public async Task Select_TwoRecords_EnablesBulkDeleteWithTheCount()
    {
        using var culture = new CultureScope("zh-Hans");
        var (user, namespaces) = await OpenUserAsync("bulk@example.com", "ns");
        foreach (var key in new[] { "a", "b", "c" })
        {
            await Get<RecordService>().PutAsync(user, namespaces[0].Id, key, "v", cancellationToken: TestContext.Current.CancellationToken);
        }

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll(".record-select").Count));
        Assert.True(panel.Find("#delete-selected").HasAttribute("disabled"));

        panel.Find(".record-select[data-key=a]").Change(true);
        panel.Find(".record-select[data-key=c]").Change(true);

        Assert.False(panel.Find("#delete-selected").HasAttribute("disabled"));
        Assert.Contains("批量删除（2）", panel.Find("#delete-selected").TextContent);
    }

    [Fact]
    public async Task Search_In100000Keys_FindsTheRangeAndPagesOnByCursor()
    {
        var (_, namespaces) = await OpenUserAsync("big@example.com", "big");
        var store = await Get<IKvStoreRegistry>().OpenAsync(namespaces[0].StoreId, TestContext.Current.CancellationToken);
        for (var batch = 0; batch < 100; batch++)
        {
            var write = store.Atomic();
            for (var i = batch * 1000; i < (batch + 1) * 1000; i++)
            {
                write.Set(KvKey.Of($"key-{i:000000}"), KvValue.Text("v"));
            }

            Assert.True((await write.CommitAsync(TestContext.Current.CancellationToken)).Ok);
        }

        var panel = Render<RecordsPanel>(p => p.Add(c => c.NamespaceId, namespaces[0].Id));
        panel.WaitForAssertion(() => Assert.Equal("key-000000", panel.FindAll(".record-key")[0].TextContent));
        panel.Find("#record-prefix").Change("key-0999");
        panel.Find("#record-search").Click();
        panel.WaitForAssertion(() => Assert.Equal("key-099900", panel.FindAll(".record-key")[0].TextContent));
        panel.Find("#page-next").Click();

        panel.WaitForAssertion(() => Assert.Equal("key-099950", panel.FindAll(".record-key")[0].TextContent));
        Assert.Equal(50, panel.FindAll(".record-key").Count);
        Assert.True(panel.Find("#page-next").HasAttribute("disabled"));
    }
}
