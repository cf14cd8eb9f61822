using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

/// <summary>Bulk commits: more mutations than Deno's limit in one atomic commit, every other rule unchanged.</summary>
public abstract class KvStoreBulkConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static KvMutation[] Sets(int count) =>
        Enumerable.Range(0, count).Select(i => new KvMutation(KvMutationKind.Set, K("bulk", i.ToString("D5")), Text("v" + i))).ToArray();

    [Fact]
    public async Task CommitBulkAsync_MaxMutations_AppliesAllUnderOneVersionstampAndOneChange()
    {
        await using var db = await CreateStoreAsync();
        var changes = db.Store.ChangesAsync(_ct).GetAsyncEnumerator(_ct);

        var result = await db.Store.CommitBulkAsync(new KvAtomicWrite([], Sets(KvBulkLimits.MaxMutations)), _ct);

        Assert.True(result.Ok);
        var entries = new List<KvEntry>();
        await foreach (var entry in db.Store.ListAsync(KvListSelector.WithPrefix(K("bulk")), cancellationToken: _ct))
        {
            entries.Add(entry);
        }

        Assert.Equal(KvBulkLimits.MaxMutations, entries.Count);
        Assert.All(entries, e => Assert.Equal(result.Versionstamp, e.Versionstamp));
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(result.Versionstamp, changes.Current.Versionstamp);
        Assert.Equal(KvBulkLimits.MaxMutations, changes.Current.Keys.Count);
        await changes.DisposeAsync();
    }

    [Fact]
    public async Task CommitBulkAsync_OneMutationOverLimit_ThrowsTooManyMutationsAndWritesNothing()
    {
        await using var db = await CreateStoreAsync();
        var before = await StoreSnapshot.TakeAsync(db.Store);

        var error = await Assert.ThrowsAsync<KvException>(() =>
            db.Store.CommitBulkAsync(new KvAtomicWrite([], Sets(KvBulkLimits.MaxMutations + 1)), _ct));

        Assert.Equal(KvBulkLimits.TooManyMutations, error.Message);
        Assert.Equal(KvErrorCode.TooManyBulkMutations, error.Code);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(db.Store));
    }

    [Fact]
    public async Task CommitBulkAsync_BadMutationInLastSlice_ThrowsItsMessageAndWritesNothing()
    {
        await using var db = await CreateStoreAsync();
        var mutations = Sets(1500);
        mutations[^1] = new KvMutation(KvMutationKind.Set, KvKey.Empty, Text("no key"));

        var error = await Assert.ThrowsAsync<KvException>(() => db.Store.CommitBulkAsync(new KvAtomicWrite([], mutations), _ct));

        Assert.Equal(KvErrors.EmptyKey, error.Message);
        Assert.Equal(KvErrorCode.EmptyKey, error.Code);
        Assert.Equal(0, (await db.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task CommitBulkAsync_TotalOverLimitAcrossSlices_ThrowsTotalMutationSizeTooLarge()
    {
        await using var db = await CreateStoreAsync();
        // Each slice of 1000 stays under 32 MiB; the whole write does not.
        var value = Core.Values.KvValue.Bytes(new byte[(KvLimits.MaxTotalMutationBytes / 1500) + 1]);
        var mutations = Enumerable.Range(0, 1500).Select(i => new KvMutation(KvMutationKind.Set, K("big", i), value)).ToArray();

        var error = await Assert.ThrowsAsync<KvException>(() => db.Store.CommitBulkAsync(new KvAtomicWrite([], mutations), _ct));

        Assert.Equal(KvErrors.TotalMutationSizeTooLarge, error.Message);
        Assert.Equal(KvErrorCode.TotalMutationSizeTooLarge, error.Code);
        Assert.Equal(0, (await db.Store.GetStatsAsync(_ct)).KeyCount);
    }

    [Fact]
    public async Task CommitBulkAsync_CheckFails_ReturnsNotOkAndWritesNothing()
    {
        await using var db = await CreateStoreAsync();
        await db.Store.SetAsync(K("guard"), Text("present"), cancellationToken: _ct);

        var result = await db.Store.CommitBulkAsync(new KvAtomicWrite([new KvCheck(K("guard"), null)], Sets(1200)), _ct);

        Assert.False(result.Ok);
        Assert.Equal(1, (await db.Store.GetStatsAsync(_ct)).KeyCount);
    }
}
