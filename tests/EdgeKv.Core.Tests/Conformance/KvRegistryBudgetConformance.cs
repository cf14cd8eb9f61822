using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Values;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>Budget groups: a group's byte limit holds inside every commit of its stores, under concurrent writers and across restarts.</summary>
public abstract class KvRegistryBudgetConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    /// <summary>The size of <see cref="Payload"/>.</summary>
    protected const int ValueBytes = 100;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>A value of <see cref="ValueBytes"/> bytes.</summary>
    protected static KvValue Payload() => KvValue.Bytes(new byte[ValueBytes]);

    /// <summary>Bytes one write of <see cref="Payload"/> under <paramref name="key"/> adds.</summary>
    protected static long Cost(KvKey key) => key.Encode().Length + ValueBytes;

    [Fact]
    public async Task SetAsync_OverTheGroupsLimit_ThrowsQuotaExceededAndWritesNothing()
    {
        await using var registry = await OpenRegistryAsync();
        var store = await registry.CreateNamespaceAsync("a", "acct-1", _ct);
        await registry.SetBudgetAsync("acct-1", Cost(K("k1")) + Cost(K("k2")) - 1, _ct);
        await store.SetAsync(K("k1"), Payload(), cancellationToken: _ct);
        var before = await StoreSnapshot.TakeAsync(store);

        var error = await Assert.ThrowsAsync<KvQuotaExceededException>(() => store.SetAsync(K("k2"), Payload(), cancellationToken: _ct));

        Assert.Equal(KvErrors.QuotaExceeded(Cost(K("k1")) + Cost(K("k2")) - 1), error.Message);
        Assert.Equal(Cost(K("k1")), error.UsedBytes);
        Assert.Equal(Cost(K("k2")), error.RequestedBytes);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(store));
        Assert.Equal(new KvBudgetUsage(Cost(K("k1")), Cost(K("k1")) + Cost(K("k2")) - 1), await registry.GetBudgetUsageAsync("acct-1", _ct));
    }

    [Fact]
    public async Task SetBudgetAsync_NegativeLimit_ThrowsAndKeepsTheLimit()
    {
        await using var registry = await OpenRegistryAsync();
        await registry.CreateNamespaceAsync("a", "g", _ct);
        await registry.SetBudgetAsync("g", 10, _ct);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => registry.SetBudgetAsync("g", -1, _ct));

        Assert.StartsWith("A byte limit cannot be negative.", error.Message);
        Assert.Equal(new KvBudgetUsage(0, 10), await registry.GetBudgetUsageAsync("g", _ct));
    }

    [Fact]
    public async Task CommitAsync_ShrinkingOrDeletingOverTheLimit_IsAllowedAndFreesBudget()
    {
        await using var registry = await OpenRegistryAsync();
        var store = await registry.CreateNamespaceAsync("a", "g", _ct);
        await store.SetAsync(K("k1"), Payload(), cancellationToken: _ct);
        await store.SetAsync(K("k2"), Payload(), cancellationToken: _ct);
        await registry.SetBudgetAsync("g", 10, _ct); // lowered below use: only growth is refused

        await store.SetAsync(K("k1"), KvValue.Bytes(new byte[1]), cancellationToken: _ct);
        await store.DeleteAsync(K("k2"), _ct);

        Assert.Equal(new KvBudgetUsage(K("k1").Encode().Length + 1, 10), await registry.GetBudgetUsageAsync("g", _ct));
        await Assert.ThrowsAsync<KvQuotaExceededException>(() => store.SetAsync(K("k3"), Payload(), cancellationToken: _ct));
    }

    [Fact]
    public async Task SetAsync_ConcurrentWritersOnTwoStoresOfOneGroup_NeverTogetherPassTheLimit()
    {
        await using var registry = await OpenRegistryAsync();
        var stores = new[] { await registry.CreateNamespaceAsync("s1", "shared", _ct), await registry.CreateNamespaceAsync("s2", "shared", _ct) };
        var cost = Cost(K("w", 0, 0)); // every key below encodes to the same length
        const int Fits = 37;
        await registry.SetBudgetAsync("shared", (Fits * cost) + (cost / 2), _ct);
        var accepted = 0;
        var refused = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                try
                {
                    await stores[writer % 2].SetAsync(K("w", writer, i), Payload(), cancellationToken: _ct);
                    Interlocked.Increment(ref accepted);
                }
                catch (KvQuotaExceededException)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }, _ct)));

        var used = (await stores[0].GetStatsAsync(_ct)).StoredBytes + (await stores[1].GetStatsAsync(_ct)).StoredBytes;
        Assert.Equal(Fits, accepted);
        Assert.Equal(80 - Fits, refused);
        Assert.Equal(Fits * cost, used);
        Assert.Equal(used, (await registry.GetBudgetUsageAsync("shared", _ct)).UsedBytes);
    }

    [Fact]
    public async Task GetBudgetUsageAsync_AfterRestart_IsRecomputedExactlyAndStillEnforced()
    {
        long usedBefore;
        await using (var registry = await OpenRegistryAsync())
        {
            var a = await registry.CreateNamespaceAsync("a", "g", _ct);
            var b = await registry.CreateNamespaceAsync("b", "g", _ct);
            await registry.CreateNamespaceAsync("other", cancellationToken: _ct);
            await a.SetAsync(K("x"), Payload(), cancellationToken: _ct);
            await b.SetAsync(K("y"), Payload(), cancellationToken: _ct);
            await registry.SetBudgetAsync("g", Cost(K("x")) + Cost(K("y")), _ct);
            usedBefore = (await registry.GetBudgetUsageAsync("g", _ct)).UsedBytes;
        }

        await using var restarted = await OpenRegistryAsync();
        var reopenedA = await restarted.OpenAsync("a", _ct);

        Assert.Equal(new KvBudgetUsage(usedBefore, usedBefore), await restarted.GetBudgetUsageAsync("g", _ct));
        await Assert.ThrowsAsync<KvQuotaExceededException>(() => reopenedA.SetAsync(K("z"), Payload(), cancellationToken: _ct));
    }

    [Fact]
    public async Task DeleteNamespaceAsync_InAGroup_GivesItsBytesBack()
    {
        await using var registry = await OpenRegistryAsync();
        var a = await registry.CreateNamespaceAsync("a", "g", _ct);
        var b = await registry.CreateNamespaceAsync("b", "g", _ct);
        await a.SetAsync(K("x"), Payload(), cancellationToken: _ct);
        await b.SetAsync(K("y"), Payload(), cancellationToken: _ct);

        await registry.DeleteNamespaceAsync("a", _ct);

        Assert.Equal(new KvBudgetUsage(Cost(K("y")), null), await registry.GetBudgetUsageAsync("g", _ct));
    }

    [Fact]
    public async Task SetBudgetAsync_Null_RemovesTheLimit()
    {
        await using var registry = await OpenRegistryAsync();
        var store = await registry.CreateNamespaceAsync("a", "g", _ct);
        await registry.SetBudgetAsync("g", 1, _ct);

        await registry.SetBudgetAsync("g", null, _ct);
        await store.SetAsync(K("x"), Payload(), cancellationToken: _ct);

        Assert.Null((await registry.GetBudgetUsageAsync("g", _ct)).LimitBytes);
    }
}
