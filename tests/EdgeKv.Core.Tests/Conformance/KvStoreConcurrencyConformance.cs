using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

public abstract class KvStoreConcurrencyConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommitAsync_ParallelCheckAndSetIncrements_LoseNoUpdate()
    {
        await using var db = await CreateStoreAsync();
        const int Tasks = 8;
        const int IncrementsPerTask = 50;
        var counter = K("counter");

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < IncrementsPerTask; i++)
            {
                while (true)
                {
                    var current = await db.Store.GetAsync(counter, cancellationToken: _ct);
                    var next = (current.Value?.AsU64() ?? 0) + 1;
                    var result = await db.Store.Atomic().Check(counter, current.Versionstamp).Set(counter, KvValue.U64(next)).CommitAsync(_ct);
                    if (result.Ok)
                    {
                        break;
                    }
                }
            }
        }, _ct)));

        Assert.Equal((ulong)(Tasks * IncrementsPerTask), (await db.Store.GetAsync(counter, cancellationToken: _ct)).Value!.AsU64());
    }

    [Fact]
    public async Task CommitAsync_ParallelSums_AddUpExactly()
    {
        await using var db = await CreateStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await db.Store.Atomic().Sum(K("total"), 2).CommitAsync(_ct);
            }
        }, _ct)));

        Assert.Equal(800UL, (await db.Store.GetAsync(K("total"), cancellationToken: _ct)).Value!.AsU64());
    }

    [Fact]
    public async Task Reads_WhileTransfersCommit_AlwaysSeeAConsistentSnapshot()
    {
        await using var db = await CreateStoreAsync();
        KvKey a = K("acct", "a"), b = K("acct", "b");
        await db.Store.Atomic().Set(a, KvValue.U64(100)).Set(b, KvValue.U64(0)).CommitAsync(_ct);
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 300; i++)
            {
                var entries = await db.Store.GetManyAsync([a, b], cancellationToken: _ct);
                var (x, y) = (entries[0].Value!.AsU64(), entries[1].Value!.AsU64());
                var amount = (ulong)(i % 7);
                var (from, to) = x >= amount ? (x - amount, y + amount) : (x + y, 0UL);
                await db.Store.Atomic().Check(a, entries[0].Versionstamp).Check(b, entries[1].Versionstamp)
                    .Set(a, KvValue.U64(from)).Set(b, KvValue.U64(to)).CommitAsync(_ct);
            }

            await stop.CancelAsync();
        }, _ct);
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var many = await db.Store.GetManyAsync([a, b], cancellationToken: _ct);
                Assert.Equal(100UL, many[0].Value!.AsU64() + many[1].Value!.AsU64());
                var page = await db.Store.ListPageAsync(KvListSelector.WithPrefix(K("acct")), cancellationToken: _ct);
                Assert.Equal(100UL, page.Entries.Aggregate(0UL, (sum, e) => sum + e.Value!.AsU64()));
                reads++;
            }

            return reads;
        }, _ct)).ToArray();

        await writer;
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
    }
}
