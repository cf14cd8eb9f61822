using System.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>Counting a list's keys and skipping to its N-th key, keys only (the console's total and page jump).</summary>
public abstract class KvStorePositionConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private const int ManyKeys = 100_000;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static KvKey Record(int i) => K("rec", i.ToString("D6"));

    private async Task SeedAsync(KvTestStore db, int count)
    {
        for (var first = 0; first < count; first += KvBulkLimits.MaxMutations)
        {
            var sets = Enumerable.Range(first, Math.Min(KvBulkLimits.MaxMutations, count - first))
                .Select(i => new KvMutation(KvMutationKind.Set, Record(i), Text("value " + i)))
                .ToArray();
            Assert.True((await db.Store.CommitBulkAsync(new KvAtomicWrite([], sets), _ct)).Ok);
        }
    }

    [Fact]
    public async Task SkipAsync_100000Keys_Page1000StartsAtItsFirstKey()
    {
        await using var db = await CreateStoreAsync();
        await SeedAsync(db, ManyKeys);
        var selector = KvListSelector.WithPrefix(K("rec"));
        const int pageSize = 50;

        var cursor = await db.Store.SkipAsync(selector, (1000 - 1) * pageSize, _ct);
        var page = await db.Store.ListPageAsync(selector, new KvListOptions { Limit = pageSize, Cursor = cursor }, _ct);

        Assert.Equal(Enumerable.Range(49_950, pageSize).Select(Record), page.Entries.Select(e => e.Key));
        Assert.False(page.Complete);
    }

    [Fact]
    public async Task SkipAsync_100000Keys_JumpToLastPageIsQuickAndComplete()
    {
        await using var db = await CreateStoreAsync();
        await SeedAsync(db, ManyKeys);
        var selector = KvListSelector.WithPrefix(K("rec"));
        const int pageSize = 20;

        var clock = Stopwatch.StartNew();
        var total = await db.Store.CountAsync(selector, _ct);
        var cursor = await db.Store.SkipAsync(selector, (total - 1) / pageSize * pageSize, _ct);
        var page = await db.Store.ListPageAsync(selector, new KvListOptions { Limit = pageSize, Cursor = cursor }, _ct);
        clock.Stop();

        Assert.Equal(ManyKeys, total);
        Assert.Equal(Enumerable.Range(ManyKeys - pageSize, pageSize).Select(Record), page.Entries.Select(e => e.Key));
        Assert.True(page.Complete);
        TestContext.Current.TestOutputHelper?.WriteLine($"count + skip + last page of {ManyKeys} keys: {clock.ElapsedMilliseconds} ms");

        // Generous for a shared 2-core machine; measured at tens of milliseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task SkipAsync_Zero_ReturnsTheStartAndPastTheEndReturnsNull()
    {
        await using var db = await CreateStoreAsync();
        await SeedAsync(db, 10);
        var selector = KvListSelector.WithPrefix(K("rec"));

        Assert.Equal("", await db.Store.SkipAsync(selector, 0, _ct));
        Assert.NotNull(await db.Store.SkipAsync(selector, 10, _ct));
        Assert.Null(await db.Store.SkipAsync(selector, 11, _ct));
    }

    [Fact]
    public async Task CountAsync_SkipsExpiredAndOtherPrefixes()
    {
        var clock = new ManualClock();
        await using var db = await CreateStoreAsync(new KvTestStoreOptions { Clock = clock, RunsBackgroundSweeper = false });
        await SeedAsync(db, 5);
        await db.Store.SetAsync(K("other", "x"), Text("x"), cancellationToken: _ct);
        await db.Store.SetAsync(K("rec", "zz-expiring"), Text("x"), TimeSpan.FromMinutes(1), _ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(5, await db.Store.CountAsync(KvListSelector.WithPrefix(K("rec")), _ct));
        Assert.Equal(6, await db.Store.CountAsync(KvListSelector.WithPrefix(KvKey.Empty), _ct));
    }
}
