using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Keys;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>
/// Keys through a store: every kind of key part comes back as it went in, and lists follow Deno's order — the order
/// of the keys' Deno bytes (<see cref="KeyCodecVectorTests"/>), which is the tuple order of <see cref="TupleOrder"/>.
/// The codec is tested alone elsewhere; these prove the backend stores and compares keys as those bytes.
/// </summary>
public abstract class KvStoreKeyOrderConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_DenoVectorKeys_ComeBackWithTheirDenoBytesInByteOrder()
    {
        await using var db = await CreateStoreAsync();
        var vectors = KeyCodecVectorTests.Vectors.Select(row => (row.Data.Item2, row.Data.Item3))
            .Where(vector => vector.Item1.Count > 0)
            .ToList();
        foreach (var (key, _) in vectors)
        {
            await db.Store.SetAsync(key, Text(key.ToString()), cancellationToken: _ct);
        }

        var listed = await ListAsync(db.Store, new KvListOptions());
        var reversed = await ListAsync(db.Store, new KvListOptions { Reverse = true });

        var expected = vectors.Select(vector => vector.Item2).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, listed.Select(entry => Convert.ToHexStringLower(entry.Key.Encode())));
        Assert.Equal(Enumerable.Reverse(expected), reversed.Select(entry => Convert.ToHexStringLower(entry.Key.Encode())));
        Assert.All(listed, entry => Assert.Equal(entry.Key.ToString(), TextOf(entry)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ListAsync_RandomKeysOfEveryKind_FollowTupleOrderBothWays(int seed)
    {
        await using var db = await CreateStoreAsync();
        var random = new Random(seed);
        var keys = new Dictionary<string, KvKey>(StringComparer.Ordinal);
        while (keys.Count < 200)
        {
            var key = keys.Count > 0 && random.Next(2) == 0 ? RandomKeys.Mutate(random, keys.Values.ElementAt(random.Next(keys.Count))) : RandomKeys.Key(random);
            if (key.Count > 0)
            {
                keys.TryAdd(Convert.ToHexString(key.Encode()), key);
            }
        }

        foreach (var key in keys.Values)
        {
            await db.Store.SetAsync(key, Text("v"), cancellationToken: _ct);
        }

        var expected = keys.Values.Order(Comparer<KvKey>.Create(TupleOrder.Compare)).Select(key => Convert.ToHexString(key.Encode())).ToList();
        var listed = await ListAsync(db.Store, new KvListOptions { BatchSize = 7 });
        var reversed = await ListAsync(db.Store, new KvListOptions { Reverse = true, BatchSize = 7 });
        Assert.Equal(expected, listed.Select(entry => Convert.ToHexString(entry.Key.Encode())));
        Assert.Equal(Enumerable.Reverse(expected), reversed.Select(entry => Convert.ToHexString(entry.Key.Encode())));
    }

    private async Task<List<KvEntry>> ListAsync(IKvStore store, KvListOptions options)
    {
        var entries = new List<KvEntry>();
        await foreach (var entry in store.ListAsync(KvListSelector.WithPrefix(KvKey.Empty), options, _ct))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
