using EdgeKv.Core.Registry;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Conformance;
using EdgeKv.Core.Tests.Sqlite;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Registry;

/// <summary>The budget conformance suite on SQLite, and a quota refusal inside one of SQLite's group commits.</summary>
public sealed class KvStoreRegistryBudgetTests : KvRegistryBudgetConformance<SqliteTestBackend>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommitAsync_QuotaRefusalInAGroupCommit_LeavesTheOtherCommitsApplied()
    {
        await using var registry = await OpenRegistryAsync();
        var store = (SqliteKvStore)await registry.CreateNamespaceAsync("a", "g", _ct);
        await registry.SetBudgetAsync("g", Cost(K("k1")), _ct);
        Task<Versionstamp> fits, tooMuch;
        Task<KvCommitResult> shrinkOnly;

        using (store.HoldWriter())
        {
            fits = store.SetAsync(K("k1"), Payload(), cancellationToken: _ct);
            tooMuch = store.SetAsync(K("k2"), Payload(), cancellationToken: _ct);
            shrinkOnly = store.Atomic().Delete(K("k1")).CommitAsync(_ct);
        }

        await fits;
        await Assert.ThrowsAsync<KvQuotaExceededException>(() => tooMuch);
        Assert.True((await shrinkOnly).Ok);
        Assert.Equal(new KvBudgetUsage(0, Cost(K("k1"))), await registry.GetBudgetUsageAsync("g", _ct));
    }
}
