using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Values;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Sqlite;

/// <summary>Commits queued together are applied in one transaction, yet each keeps its own outcome and versionstamp.</summary>
public sealed class SqliteKvStoreGroupCommitTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommitAsync_QueuedTogetherWithFailures_EachGetsItsOwnOutcome()
    {
        await using var db = TestStore.Create();
        await db.Store.SetAsync(K("text"), Text("not a number"), cancellationToken: _ct);
        Task<KvCommitResult> first, badSum, failedCheck, last;
        Task<Versionstamp> plainSet;

        using (db.Store.HoldWriter())
        {
            first = db.Store.Atomic().Set(K("a"), Text("A")).CommitAsync(_ct);
            badSum = db.Store.Atomic().Set(K("never"), Text("x")).Sum(K("text"), 1).CommitAsync(_ct);
            failedCheck = db.Store.Atomic().Check(K("a"), null).Set(K("never2"), Text("x")).CommitAsync(_ct);
            plainSet = db.Store.SetAsync(K("b"), Text("B"), cancellationToken: _ct);
            last = db.Store.Atomic().Sum(K("n"), 5).CommitAsync(_ct);
            Assert.False(first.IsCompleted); // held: nothing applied yet
        }

        var error = await Assert.ThrowsAsync<KvException>(() => badSum);
        Assert.Equal(KvErrors.SumOnNonU64, error.Message);
        Assert.True((await first).Ok);
        Assert.False((await failedCheck).Ok); // "a" was set by the earlier commit of the same group
        var versions = new[] { (await first).Versionstamp!.Value, await plainSet, (await last).Versionstamp!.Value };
        Assert.Equal([2UL, 3UL, 4UL], versions.Select(v => v.CommitVersion)); // failures consume no version
        var entries = await db.Store.GetManyAsync([K("a"), K("b"), K("n"), K("never"), K("never2"), K("text")], cancellationToken: _ct);
        Assert.Equal(["A", "B", null, null, null, "not a number"], entries.Select(e => e.Value?.Encoding == KvValueEncoding.U64 ? null : TextOf(e)));
        Assert.Equal(5UL, entries[2].Value!.AsU64());
    }

    [Fact]
    public async Task CommitAsync_LargeGroup_AllCommitsDurableAfterReopen()
    {
        await using var db = TestStore.Create();
        var commits = new List<Task<Versionstamp>>();

        using (db.Store.HoldWriter())
        {
            for (var i = 0; i < 600; i++)
            {
                commits.Add(db.Store.SetAsync(K("g", i), Text("v"), cancellationToken: _ct));
            }
        }

        var versionstamps = await Task.WhenAll(commits);
        var reopened = await db.ReopenAsync();
        var stats = await reopened.GetStatsAsync(_ct);

        Assert.Equal(Enumerable.Range(1, 600).Select(i => (ulong)i), versionstamps.Select(v => v.CommitVersion));
        Assert.Equal(600, stats.KeyCount);
        Assert.Equal(601UL, (await reopened.SetAsync(K("after"), Text("v"), cancellationToken: _ct)).CommitVersion);
    }
}
