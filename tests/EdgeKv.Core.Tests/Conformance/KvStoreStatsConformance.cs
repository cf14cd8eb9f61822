using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

public abstract class KvStoreStatsConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static long Size(KvKey key, string text) => key.Encode().Length + System.Text.Encoding.UTF8.GetByteCount(text);

    [Fact]
    public async Task GetStatsAsync_EmptyStore_IsZero()
    {
        await using var db = await CreateStoreAsync();

        Assert.Equal(new KvStoreStats(0, 0), await db.Store.GetStatsAsync(_ct));
    }

    [Fact]
    public async Task GetStatsAsync_AfterSetsOverwritesAndDeletes_CountsLiveKeysAndTheirBytesExactly()
    {
        await using var db = await CreateStoreAsync();
        await db.Store.SetAsync(K("a"), Text("12345"), cancellationToken: _ct);
        await db.Store.SetAsync(K("b", 1), Text("xy"), cancellationToken: _ct);
        await db.Store.SetAsync(K("c"), Text("to delete"), cancellationToken: _ct);
        await db.Store.SetAsync(K("a"), Text("1"), cancellationToken: _ct); // overwrite shrinks
        await db.Store.DeleteAsync(K("c"), _ct);
        await db.Store.DeleteAsync(K("never"), _ct);
        await db.Store.Atomic().Sum(K("n"), 1).Sum(K("n"), 1).CommitAsync(_ct);

        var stats = await db.Store.GetStatsAsync(_ct);

        Assert.Equal(3, stats.KeyCount);
        Assert.Equal(Size(K("a"), "1") + Size(K("b", 1), "xy") + K("n").Encode().Length + 8, stats.StoredBytes);
    }

    [Fact]
    public async Task GetStatsAsync_AfterReopen_IsTheSame()
    {
        await using var db = await CreateStoreAsync();
        for (var i = 0; i < 20; i++)
        {
            await db.Store.SetAsync(K("k", i), KvValue.Bytes(new byte[i * 10]), cancellationToken: _ct);
        }

        await db.Store.DeleteAsync(K("k", 3), _ct);
        var before = await db.Store.GetStatsAsync(_ct);

        var reopened = await db.ReopenAsync();

        Assert.Equal(before, await reopened.GetStatsAsync(_ct));
        Assert.Equal(19, before.KeyCount);
    }

    [Fact]
    public async Task GetStatsAsync_MatchesTheSumOverAListOfEverything()
    {
        await using var db = await CreateStoreAsync();
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var key = K("r", random.Next(50));
            if (random.Next(4) == 0)
            {
                await db.Store.DeleteAsync(key, _ct);
            }
            else
            {
                await db.Store.SetAsync(key, KvValue.Bytes(new byte[random.Next(100)]), cancellationToken: _ct);
            }
        }

        long bytes = 0;
        long count = 0;
        await foreach (var entry in db.Store.ListAsync(KvListSelector.WithPrefix(KvKey.Empty), cancellationToken: _ct))
        {
            bytes += entry.Key.Encode().Length + entry.Value!.Data.Length;
            count++;
        }

        Assert.Equal(new KvStoreStats(count, bytes), await db.Store.GetStatsAsync(_ct));
    }
}
