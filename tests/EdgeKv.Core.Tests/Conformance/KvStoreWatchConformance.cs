using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

public abstract class KvStoreWatchConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task WatchAsync_FirstEmission_IsTheCurrentEntries()
    {
        await using var db = await CreateStoreAsync();
        var v = await db.Store.SetAsync(K("foo"), Text("bar"), cancellationToken: _ct);

        await using var watch = db.Store.WatchAsync([K("foo"), K("missing")], _ct).GetAsyncEnumerator(_ct);
        Assert.True(await watch.MoveNextAsync());

        Assert.Equal(["bar", null], watch.Current.Select(TextOf));
        Assert.Equal([v, null], watch.Current.Select(e => e.Versionstamp));
    }

    [Fact]
    public async Task WatchAsync_WatchedKeyChanges_EmitsTheNewEntriesButIgnoresOtherKeys()
    {
        await using var db = await CreateStoreAsync();
        await using var watch = db.Store.WatchAsync([K("foo")], _ct).GetAsyncEnumerator(_ct);
        Assert.True(await watch.MoveNextAsync());

        await db.Store.SetAsync(K("unrelated"), Text("x"), cancellationToken: _ct);
        var v = await db.Store.SetAsync(K("foo"), Text("new"), cancellationToken: _ct);
        Assert.True(await watch.MoveNextAsync());

        Assert.Equal("new", TextOf(watch.Current[0]));
        Assert.Equal(v, watch.Current[0].Versionstamp);
    }

    [Fact]
    public async Task WatchAsync_WatchedKeyDeleted_EmitsAMiss()
    {
        await using var db = await CreateStoreAsync();
        await db.Store.SetAsync(K("foo"), Text("bar"), cancellationToken: _ct);
        await using var watch = db.Store.WatchAsync([K("foo")], _ct).GetAsyncEnumerator(_ct);
        Assert.True(await watch.MoveNextAsync());

        await db.Store.DeleteAsync(K("foo"), _ct);
        Assert.True(await watch.MoveNextAsync());

        Assert.False(watch.Current[0].Exists);
    }

    [Fact]
    public async Task WatchAsync_WatchedKeyExpires_EmitsAMissOnceSwept()
    {
        await using var db = await CreateStoreAsync();
        await db.Store.SetAsync(K("foo"), Text("brief"), TimeSpan.FromMilliseconds(150), _ct);
        await using var watch = db.Store.WatchAsync([K("foo")], _ct).GetAsyncEnumerator(_ct);
        Assert.True(await watch.MoveNextAsync());

        // The sweeper wakes at the expiry and publishes the removal; no timing is asserted, only the outcome.
        while (watch.Current[0].Exists)
        {
            Assert.True(await watch.MoveNextAsync());
        }

        Assert.False(watch.Current[0].Exists);
    }

    [Fact]
    public async Task WatchAsync_Cancelled_EndsTheEnumerationWithoutAnException()
    {
        await using var db = await CreateStoreAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var emissions = 0;

        var watching = Task.Run(async () =>
        {
            await foreach (var entries in db.Store.WatchAsync([K("foo")], cancel.Token))
            {
                if (++emissions == 1)
                {
                    await cancel.CancelAsync();
                }
            }
        }, _ct);

        await watching; // completes (does not throw) once cancelled
        Assert.Equal(1, emissions);
    }

    [Fact]
    public async Task WatchAsync_StoreDisposed_EndsTheEnumeration()
    {
        var db = await CreateStoreAsync();
        await using var watch = db.Store.WatchAsync([K("foo")], _ct).GetAsyncEnumerator(_ct);
        Assert.True(await watch.MoveNextAsync());

        var next = watch.MoveNextAsync().AsTask();
        await db.DisposeAsync();

        Assert.False(await next);
    }
}
