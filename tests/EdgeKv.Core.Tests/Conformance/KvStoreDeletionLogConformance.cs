using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Conformance;

public abstract class KvStoreDeletionLogConformance<TBackend> : KvConformanceTests<TBackend>
    where TBackend : IKvTestBackend, new()
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>The prefix the tests write under.</summary>
    protected static readonly KvListSelector Users = KvListSelector.WithPrefix(K("users"));

    [Fact]
    public async Task ReadDeletionsAsync_KeysDeletedAfterThePoint_ListsThemWithTheirDeletingCommit()
    {
        await using var db = await CreateStoreAsync();
        await db.Store.SetAsync(K("users", "ann"), Text("a"), cancellationToken: _ct);
        await db.Store.SetAsync(K("users", "bob"), Text("b"), cancellationToken: _ct);
        await db.Store.SetAsync(K("users", "cy"), Text("c"), cancellationToken: _ct);
        await db.Store.DeleteAsync(K("users", "ann"), _ct);
        var seen = await db.Store.SetAsync(K("other"), Text("x"), cancellationToken: _ct);

        var bobDeleted = await db.Store.DeleteAsync(K("users", "bob"), _ct);
        await db.Store.DeleteAsync(K("other"), _ct);
        var deletions = await Collect(db.Store.ReadDeletionsAsync(Users, seen, _ct));

        Assert.Equal([new KvDeletion(K("users", "bob"), bobDeleted)], deletions);
    }

    [Fact]
    public async Task ReadDeletionsAsync_KeySetAgainAfterItsDeletion_IsNotListed()
    {
        await using var db = await CreateStoreAsync();
        var seen = await db.Store.SetAsync(K("users", "ann"), Text("a"), cancellationToken: _ct);
        await db.Store.DeleteAsync(K("users", "ann"), _ct);

        await db.Store.SetAsync(K("users", "ann"), Text("back"), cancellationToken: _ct);

        Assert.Empty(await Collect(db.Store.ReadDeletionsAsync(Users, seen, _ct)));
    }

    [Fact]
    public async Task ReadDeletionsAsync_DeletingAnAbsentKey_RemembersNothing()
    {
        await using var db = await CreateStoreAsync();
        var seen = await db.Store.SetAsync(K("other"), Text("x"), cancellationToken: _ct);

        await db.Store.DeleteAsync(K("users", "never"), _ct);

        Assert.Empty(await Collect(db.Store.ReadDeletionsAsync(Users, seen, _ct)));
    }

    [Fact]
    public async Task ReadDeletionsAsync_ExpiredKeySwept_IsListedAsDeletedBySweep()
    {
        var clock = new ManualClock();
        await using var db = await CreateStoreAsync(new KvTestStoreOptions { Clock = clock, RunsBackgroundSweeper = false });
        var seen = await db.Store.SetAsync(K("users", "temp"), Text("t"), TimeSpan.FromSeconds(10), _ct);
        clock.Advance(TimeSpan.FromSeconds(11));

        await db.SweepExpiredAsync();
        var deletions = await Collect(db.Store.ReadDeletionsAsync(Users, seen, _ct));

        var deletion = Assert.Single(deletions);
        Assert.Equal(K("users", "temp"), deletion.Key);
        Assert.True(deletion.DeletedAt > seen);
    }

    [Fact]
    public async Task ReadDeletionsAsync_MoreThanAPage_ListsEveryDeletionInKeyOrder()
    {
        await using var db = await CreateStoreAsync();
        var keys = Enumerable.Range(0, 2_500).Select(i => K("users", i)).ToList();
        var seen = await Bulk(db.Store, keys.Select(k => new KvMutation(KvMutationKind.Set, k, Text("v"))));

        await Bulk(db.Store, keys.Select(k => new KvMutation(KvMutationKind.Delete, k)));
        var deletions = await Collect(db.Store.ReadDeletionsAsync(Users, seen, _ct));

        Assert.Equal(keys, deletions.Select(d => d.Key));
    }

    [Fact]
    public async Task RemembersDeletionsAfterAsync_OverTheKeptBytes_ForgetsTheOldestUntilHalfRemains()
    {
        // Each deletion of ["users", n] counts 32 bytes (a 16-byte key plus 16): 128 bytes hold four.
        await using var db = await CreateStoreAsync(new KvTestStoreOptions { KeptDeletionBytes = 128 });
        var start = await db.Store.SetAsync(K("users", 0), Text("v"), cancellationToken: _ct);
        for (var i = 1; i < 6; i++)
        {
            await db.Store.SetAsync(K("users", i), Text("v"), cancellationToken: _ct);
        }

        var deletedAt = new List<Versionstamp>();
        for (var i = 0; i < 5; i++)
        {
            deletedAt.Add(await db.Store.DeleteAsync(K("users", i), _ct));
        }

        // The fifth deletion crossed 128 bytes: the three oldest were forgotten, the newest two (64 bytes) are kept.
        Assert.False(await db.Store.RemembersDeletionsAfterAsync(start, _ct));
        Assert.False(await db.Store.RemembersDeletionsAfterAsync(deletedAt[1], _ct));
        Assert.True(await db.Store.RemembersDeletionsAfterAsync(deletedAt[2], _ct));
        Assert.Equal(
            [K("users", 3), K("users", 4)],
            (await Collect(db.Store.ReadDeletionsAsync(Users, deletedAt[2], _ct))).Select(d => d.Key));
        var forgotten = await Assert.ThrowsAsync<KvException>(
            async () => await Collect(db.Store.ReadDeletionsAsync(Users, start, _ct)));
        Assert.Equal(KvErrors.DeletionsForgotten, forgotten.Message);
        Assert.Equal(KvErrorCode.DeletionsForgotten, forgotten.Code);
    }

    [Fact]
    public async Task RemembersDeletionsAfterAsync_AVersionstampNotYetReached_IsFalse()
    {
        await using var db = await CreateStoreAsync();
        var last = await db.Store.SetAsync(K("users", "ann"), Text("a"), cancellationToken: _ct);

        Assert.True(await db.Store.RemembersDeletionsAfterAsync(last, _ct));
        Assert.False(await db.Store.RemembersDeletionsAfterAsync(Versionstamp.FromCommitVersion(last.CommitVersion + 1), _ct));
    }

    [Fact]
    public async Task ReadDeletionsAsync_AfterReopen_StillListsTheDeletions()
    {
        await using var db = await CreateStoreAsync();
        var seen = await db.Store.SetAsync(K("users", "ann"), Text("a"), cancellationToken: _ct);
        var deleted = await db.Store.DeleteAsync(K("users", "ann"), _ct);

        var reopened = await db.ReopenAsync();

        Assert.True(await reopened.RemembersDeletionsAfterAsync(seen, _ct));
        Assert.Equal([new KvDeletion(K("users", "ann"), deleted)], await Collect(reopened.ReadDeletionsAsync(Users, seen, _ct)));
    }

    private async Task<Versionstamp> Bulk(IKvStore store, IEnumerable<KvMutation> mutations)
    {
        var result = await store.CommitBulkAsync(new KvAtomicWrite([], [.. mutations]), _ct);
        return result.Versionstamp!.Value;
    }

    /// <summary>Every deletion of a read.</summary>
    protected static async Task<List<KvDeletion>> Collect(IAsyncEnumerable<KvDeletion> deletions)
    {
        var list = new List<KvDeletion>();
        await foreach (var deletion in deletions)
        {
            list.Add(deletion);
        }

        return list;
    }
}
