using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Values;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

public abstract class KvStoreExpiryConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>A store on a hand-moved clock whose background sweeper never runs during the test.</summary>
    private static KvTestStoreOptions ByHand(ManualClock clock) => new() { Clock = clock, RunsBackgroundSweeper = false };

    [Fact]
    public async Task GetAsync_BeforeExpiry_ReturnsEntryWithExpiresAt()
    {
        var clock = new ManualClock();
        await using var db = await CreateStoreAsync(ByHand(clock));

        await db.Store.SetAsync(K("session"), Text("s"), TimeSpan.FromMinutes(1), _ct);
        var entry = await db.Store.GetAsync(K("session"), cancellationToken: _ct);

        Assert.Equal("s", TextOf(entry));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), entry.ExpiresAt);
    }

    [Fact]
    public async Task Reads_ExpiredButNotYetSwept_SeeTheKeyAsMissingEverywhere()
    {
        var clock = new ManualClock();
        await using var db = await CreateStoreAsync(ByHand(clock));
        await db.Store.SetAsync(K("s", "expiring"), KvValue.U64(7), TimeSpan.FromMinutes(1), _ct);
        await db.Store.SetAsync(K("s", "lasting"), Text("stays"), cancellationToken: _ct);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False((await db.Store.GetAsync(K("s", "expiring"), cancellationToken: _ct)).Exists);
        Assert.False((await db.Store.GetManyAsync([K("s", "expiring")], cancellationToken: _ct))[0].Exists);
        var listed = await db.Store.ListPageAsync(KvListSelector.WithPrefix(K("s")), cancellationToken: _ct);
        Assert.Equal([K("s", "lasting")], listed.Entries.Select(e => e.Key));
        Assert.True((await db.Store.Atomic().Check(K("s", "expiring"), null).CommitAsync(_ct)).Ok);
        await db.Store.Atomic().Sum(K("s", "expiring"), 1).CommitAsync(_ct); // absent: the operand is stored
        Assert.Equal(1UL, (await db.Store.GetAsync(K("s", "expiring"), cancellationToken: _ct)).Value!.AsU64());
    }

    [Fact]
    public async Task SweepExpiredAsync_ExpiredRows_RemovesThemUpdatesStatsAndPublishesAChange()
    {
        var clock = new ManualClock();
        await using var db = await CreateStoreAsync(ByHand(clock));
        await db.Store.SetAsync(K("keep"), Text("k"), cancellationToken: _ct);
        var statsWithKeepOnly = await db.Store.GetStatsAsync(_ct);
        await db.Store.SetAsync(K("gone"), Text("g"), TimeSpan.FromSeconds(30), _ct);
        await using var changes = db.Store.ChangesAsync(_ct).GetAsyncEnumerator(_ct);
        clock.Advance(TimeSpan.FromSeconds(31));

        var removed = await db.SweepExpiredAsync();

        Assert.Equal(1, removed);
        Assert.Equal(statsWithKeepOnly, await db.Store.GetStatsAsync(_ct));
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal([K("gone")], changes.Current.Keys);
        Assert.Equal(3UL, changes.Current.Versionstamp.CommitVersion);
    }

    [Fact]
    public async Task SetAsync_ShortExpireIn_KeyDisappearsAndTheSweeperPublishesItsRemoval()
    {
        await using var db = await CreateStoreAsync();
        await using var changes = db.Store.ChangesAsync(_ct).GetAsyncEnumerator(_ct);
        var set = await db.Store.SetAsync(K("flash"), Text("soon gone"), TimeSpan.FromMilliseconds(100), _ct);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(set, changes.Current.Versionstamp);

        Assert.True(await Eventually.HoldsAsync(async () => !(await db.Store.GetAsync(K("flash"))).Exists));
        Assert.True(await changes.MoveNextAsync()); // the background sweeper, woken at the expiry, removed it

        Assert.Equal([K("flash")], changes.Current.Keys);
        Assert.True(changes.Current.Versionstamp > set);
        Assert.Equal(new KvStoreStats(0, 0), await db.Store.GetStatsAsync(_ct));
    }

    [Fact]
    public async Task SetAsync_WithoutExpireInOverExpiringKey_MakesItPermanent()
    {
        var clock = new ManualClock();
        await using var db = await CreateStoreAsync(ByHand(clock));
        await db.Store.SetAsync(K("k"), Text("temp"), TimeSpan.FromSeconds(1), _ct);

        await db.Store.SetAsync(K("k"), Text("permanent"), cancellationToken: _ct);
        clock.Advance(TimeSpan.FromHours(1));

        var entry = await db.Store.GetAsync(K("k"), cancellationToken: _ct);
        Assert.Equal("permanent", TextOf(entry));
        Assert.Null(entry.ExpiresAt);
    }

    [Fact]
    public async Task Reopen_ExpiringKeys_StillExpire()
    {
        var clock = new ManualClock();
        await using var db = await CreateStoreAsync(ByHand(clock));
        await db.Store.SetAsync(K("k"), Text("temp"), TimeSpan.FromSeconds(10), _ct);

        var reopened = await db.ReopenAsync();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.False((await reopened.GetAsync(K("k"), cancellationToken: _ct)).Exists);
        Assert.Equal(1, await db.SweepExpiredAsync());
        Assert.Equal(0, (await reopened.GetStatsAsync(_ct)).KeyCount);
    }
}
