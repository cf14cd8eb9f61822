using EdgeKv.Core.Keys;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Usage;
using EdgeKv.Core.Values;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Usage;

/// <summary>Usage counted per store by the real engine, through the registry's meter.</summary>
public sealed class KvUsageMeterTests : IDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Drain_AfterGetsAndLists_CountsKeysReadAndListPages()
    {
        await using var registry = new SqliteKvStoreRegistry(_directory.Path);
        var store = await registry.CreateNamespaceAsync("ns1", cancellationToken: _ct);

        await store.GetAsync(K("a"), cancellationToken: _ct);
        await store.GetManyAsync([K("a"), K("b"), K("c")], cancellationToken: _ct);
        await store.ListPageAsync(KvListSelector.WithPrefix(KvKey.Empty), cancellationToken: _ct);

        var delta = Assert.Single(registry.Usage.Drain());
        Assert.Equal(new KvUsageDelta("ns1", Reads: 4, Lists: 1, Writes: 0, Deletes: 0, BytesWritten: 0), delta);
    }

    [Fact]
    public async Task Drain_AfterCommittedMutations_CountsWritesDeletesOfPresentKeysAndBytes()
    {
        await using var registry = new SqliteKvStoreRegistry(_directory.Path);
        var store = await registry.CreateNamespaceAsync("ns1", cancellationToken: _ct);
        var value = KvValue.Bytes(new byte[100]);

        await store.SetAsync(K("a"), value, cancellationToken: _ct);
        await store.CommitAsync(new KvAtomicWrite([], [new KvMutation(KvMutationKind.Sum, K("n"), KvValue.U64(1))]), _ct);
        await store.DeleteAsync(K("a"), _ct);
        await store.DeleteAsync(K("never-written"), _ct);

        var delta = Assert.Single(registry.Usage.Drain());
        var expectedBytes = K("a").Encode().Length + 100 + K("n").Encode().Length + 8;
        Assert.Equal(new KvUsageDelta("ns1", Reads: 0, Lists: 0, Writes: 2, Deletes: 1, BytesWritten: expectedBytes), delta);
    }

    [Fact]
    public async Task Drain_ARecordWithItsMetadata_OneWriteThenOneDelete_CompanionBytesCounted()
    {
        // The HTTP API writes a string key and its metadata companion in one commit (and deletes both together):
        // to the owner that is one record written, then one deleted.
        await using var registry = new SqliteKvStoreRegistry(_directory.Path);
        var store = await registry.CreateNamespaceAsync("ns1", cancellationToken: _ct);
        var companion = KvMetadataKeys.For("greeting");

        await store.CommitAsync(new KvAtomicWrite([], [
            new KvMutation(KvMutationKind.Set, K("greeting"), KvValue.Text("hi")),
            new KvMutation(KvMutationKind.Set, companion, KvValue.Json("{}"))]), _ct);
        await store.CommitAsync(new KvAtomicWrite([], [
            new KvMutation(KvMutationKind.Delete, K("greeting")),
            new KvMutation(KvMutationKind.Delete, companion)]), _ct);

        var delta = Assert.Single(registry.Usage.Drain());
        var expectedBytes = K("greeting").Encode().Length + 2 + companion.Encode().Length + 2;
        Assert.Equal(new KvUsageDelta("ns1", Reads: 0, Lists: 0, Writes: 1, Deletes: 1, BytesWritten: expectedBytes), delta);
    }

    [Fact]
    public async Task Drain_CheckFailedOrOverQuotaCommit_CountsNothing()
    {
        await using var registry = new SqliteKvStoreRegistry(_directory.Path);
        var store = await registry.CreateNamespaceAsync("ns1", "acct", _ct);
        await registry.SetBudgetAsync("acct", 10, _ct);

        var checkFailed = await store.CommitAsync(
            new KvAtomicWrite([new KvCheck(K("a"), Versionstamp.FromCommitVersion(99))], [new KvMutation(KvMutationKind.Set, K("a"), KvValue.Text("x"))]), _ct);
        await Assert.ThrowsAsync<KvQuotaExceededException>(() => store.SetAsync(K("big"), KvValue.Bytes(new byte[100]), cancellationToken: _ct));

        Assert.False(checkFailed.Ok);
        Assert.Empty(registry.Usage.Drain());
    }

    [Fact]
    public async Task Drain_Twice_TheSecondHasOnlyWhatHappenedBetween()
    {
        await using var registry = new SqliteKvStoreRegistry(_directory.Path);
        var one = await registry.CreateNamespaceAsync("one", cancellationToken: _ct);
        var two = await registry.CreateNamespaceAsync("two", cancellationToken: _ct);
        await one.GetAsync(K("a"), cancellationToken: _ct);
        registry.Usage.Drain();

        await two.SetAsync(K("b"), KvValue.Text("v"), cancellationToken: _ct);

        var delta = Assert.Single(registry.Usage.Drain());
        Assert.Equal("two", delta.StoreId);
        Assert.Equal(1, delta.Writes);
        Assert.Empty(registry.Usage.Drain());
    }

    [Fact]
    public async Task Drain_ConcurrentWritersWhileDraining_EveryWriteCountedExactlyOnce()
    {
        await using var registry = new SqliteKvStoreRegistry(_directory.Path);
        var store = await registry.CreateNamespaceAsync("ns1", cancellationToken: _ct);
        long drained = 0;
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await store.SetAsync(K($"w{w}-{i}"), KvValue.Text("v"), cancellationToken: _ct);
            }
        }, _ct)).ToArray();

        while (!Task.WhenAll(writers).IsCompleted)
        {
            drained += registry.Usage.Drain().Sum(d => d.Writes);
            await Task.Yield();
        }

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30), _ct);
        drained += registry.Usage.Drain().Sum(d => d.Writes);
        Assert.Equal(200, drained);
    }

    [Fact]
    public async Task DeleteNamespaceAsync_ForgetsItsCounters()
    {
        await using var registry = new SqliteKvStoreRegistry(_directory.Path);
        var store = await registry.CreateNamespaceAsync("gone", cancellationToken: _ct);
        await store.SetAsync(K("a"), KvValue.Text("v"), cancellationToken: _ct);

        await registry.DeleteNamespaceAsync("gone", _ct);

        Assert.Empty(registry.Usage.Drain());
    }

    [Fact]
    public async Task ReadRawRangesAsync_OneKeyRangeIsARead_OtherRangesAreListPages()
    {
        await using var registry = new SqliteKvStoreRegistry(_directory.Path);
        var store = await registry.CreateNamespaceAsync("ns1", cancellationToken: _ct);
        var key = K("a").Encode();
        byte[] justAfterKey = [.. key, 0];
        byte[] pastPrefix = [.. key, 0xFF];

        await store.ReadRawRangesAsync([new KvRawRange(key, justAfterKey, 1), new KvRawRange(key, pastPrefix, 10)], cancellationToken: _ct);

        var delta = Assert.Single(registry.Usage.Drain());
        Assert.Equal((1L, 1L), (delta.Reads, delta.Lists));
    }
}
