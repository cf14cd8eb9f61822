using EdgeKv.Core.Store;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

public abstract class KvStoreChangeFeedConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangesAsync_SequentialAndConcurrentCommits_ArriveInCommitOrderWithTheirKeys()
    {
        await using var db = await CreateStoreAsync();
        await using var changes = db.Store.ChangesAsync(_ct).GetAsyncEnumerator(_ct);
        var expected = new List<(Versionstamp, string)>();
        for (var i = 0; i < 10; i++)
        {
            expected.Add((await db.Store.SetAsync(K("seq", i), Text("v"), cancellationToken: _ct), $"[\"seq\", {i}]"));
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            (await db.Store.SetAsync(K("par", i), Text("v"), cancellationToken: _ct), $"[\"par\", {i}]"), _ct)));
        expected.AddRange(concurrent.OrderBy(c => c.Item1));

        var received = new List<(Versionstamp, string)>();
        while (received.Count < expected.Count && await changes.MoveNextAsync())
        {
            received.Add((changes.Current.Versionstamp, Assert.Single(changes.Current.Keys).ToString()));
        }

        Assert.Equal(expected, received);
    }

    [Fact]
    public async Task ChangesAsync_AtomicWithSeveralKeys_OneChangeWithEachKeyOnce()
    {
        await using var db = await CreateStoreAsync();
        await using var changes = db.Store.ChangesAsync(_ct).GetAsyncEnumerator(_ct);

        var result = await db.Store.Atomic().Set(K("a"), Text("1")).Sum(K("n"), 1).Sum(K("n"), 2).Delete(K("b")).CommitAsync(_ct);
        Assert.True(await changes.MoveNextAsync());

        Assert.Equal(result.Versionstamp, changes.Current.Versionstamp);
        Assert.Equal([K("a"), K("n"), K("b")], changes.Current.Keys);
    }

    [Fact]
    public async Task ChangesAsync_SlowReader_ReceivesMergedChangesWithoutLosingAKey()
    {
        await using var db = await CreateStoreAsync(new KvTestStoreOptions { ChangeFeedBufferSize = 4 });
        await using var changes = db.Store.ChangesAsync(_ct).GetAsyncEnumerator(_ct);
        Versionstamp last = default;
        for (var i = 0; i < 50; i++)
        {
            last = await db.Store.SetAsync(K("k", i), Text("v"), cancellationToken: _ct);
        }

        var received = new List<KvChange>();
        while ((received.Count == 0 || received[^1].Versionstamp < last) && await changes.MoveNextAsync())
        {
            received.Add(changes.Current);
        }

        Assert.Equal(5, received.Count); // four buffered, the rest merged into one
        Assert.Equal(received.Select(c => c.Versionstamp).Order(), received.Select(c => c.Versionstamp));
        Assert.Equal(50, received.SelectMany(c => c.Keys).Distinct().Count());
        Assert.Equal(last, received[^1].Versionstamp);
    }

    [Fact]
    public async Task ChangesAsync_Cancelled_EndsCleanly()
    {
        await using var db = await CreateStoreAsync();
        using var cancel = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var change in db.Store.ChangesAsync(cancel.Token))
            {
                count++;
            }

            return count;
        }, _ct);
        await db.Store.SetAsync(K("a"), Text("v"), cancellationToken: _ct);

        await cancel.CancelAsync();

        Assert.InRange(await reading, 0, 1);
    }

    [Fact]
    public async Task ChangesAsync_StoreDisposed_Ends()
    {
        var db = await CreateStoreAsync();
        var feed = db.Store.ChangesAsync(_ct);
        var reading = Task.Run(async () =>
        {
            await foreach (var change in feed)
            {
            }
        }, _ct);

        await db.DisposeAsync();

        await reading;
        Assert.True(reading.IsCompletedSuccessfully);
    }
}
