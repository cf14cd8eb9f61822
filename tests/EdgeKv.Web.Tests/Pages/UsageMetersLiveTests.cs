using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Accounts;
using EdgeKv.Web.Components.Pages.Kv;
using EdgeKv.Web.Services;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Pages;

/// <summary>The KV 存储 page's meters and list follow records written straight to the engine (as the API or Deno writes).</summary>
public sealed class UsageMetersLiveTests : ConsolePageContext
{
    private static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task EngineWrite_WhileShown_MeterAndListShowTheNewUse()
    {
        // Arrange
        var (_, namespaces) = await OpenUserAsync("meter@example.com", "ns");
        var page = Render<KvStorage>();
        page.WaitForAssertion(() => Assert.Equal(Usage(0), page.Find("#usage-bytes").TextContent.Trim()));
        var store = await Get<IKvStoreRegistry>().OpenAsync(namespaces[0].StoreId, TestContext.Current.CancellationToken);

        // Act
        await store.SetAsync(KvKey.Of("from-code"), KvValue.Text(new string('x', 3000)), cancellationToken: TestContext.Current.CancellationToken);

        // Assert: the figures the engine now holds, without a reload.
        var stats = await store.GetStatsAsync(TestContext.Current.CancellationToken);
        page.WaitForAssertion(() => Assert.Equal(Usage(stats.StoredBytes), page.Find("#usage-bytes").TextContent.Trim()), LiveTimeout);
        Assert.Equal("1", KeyCountCell(page));
    }

    [Fact]
    public async Task EngineBurst_10000Commits_EndsShowingTheFinalFigures()
    {
        // Arrange
        const int Writes = 10_000;
        var (_, namespaces) = await OpenUserAsync("burst@example.com", "ns");
        var page = Render<KvStorage>();
        page.WaitForAssertion(() => Assert.Equal(Usage(0), page.Find("#usage-bytes").TextContent.Trim()));
        var store = await Get<IKvStoreRegistry>().OpenAsync(namespaces[0].StoreId, TestContext.Current.CancellationToken);

        // Act: 10,000 separate commits, each one change in the feed.
        await Task.WhenAll(Enumerable.Range(0, Writes).Select(i =>
            store.SetAsync(KvKey.Of($"key-{i:00000}"), KvValue.Text("v"), cancellationToken: TestContext.Current.CancellationToken)));

        // Assert: the coalesced re-reads do not drop the last commits of the burst.
        page.WaitForAssertion(() => Assert.Equal("10000", KeyCountCell(page)), LiveTimeout);
        var stats = await store.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Usage(stats.StoredBytes), page.Find("#usage-bytes").TextContent.Trim());
    }

    private static string Usage(long usedBytes) => $"{DisplayFormat.Bytes(usedBytes)} / {DisplayFormat.Bytes(KvAccount.DefaultCapacityBytes)}";

    // The table's 记录数 cell of the only namespace.
    private static string KeyCountCell(Bunit.IRenderedComponent<KvStorage> page) =>
        page.Find("#namespace-grid tbody tr td.key-count").TextContent.Trim();
}
