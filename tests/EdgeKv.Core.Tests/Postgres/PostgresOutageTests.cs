using System.Collections.Concurrent;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Storage.Postgres;
using EdgeKv.Testing.Postgres;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Postgres;

/// <summary>
/// The server stopped as by a crash (pg_ctl -m immediate) under write load and started again: on a server of this
/// test's own, since the shared one serves tests running in parallel.
/// </summary>
public sealed class PostgresOutageTests
{
    private const int Writers = 8;
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commits_ServerCrashedUnderLoadAndStartedAgain_KeepEveryAcknowledgedWriteFailClearlyMeanwhileAndResume()
    {
        await using var server = await PostgresServer.StartAsync();
        var options = PostgresTestBackend.ToPostgres(await server.CreateDatabaseAsync(), null) with { ReconnectDelay = TimeSpan.FromMilliseconds(200) };
        await using var writerNode = await PostgresKvStore.OpenAsync(options, "ns", _ct);
        await using var watcherNode = await PostgresKvStore.OpenAsync(options, "ns", _ct);
        var acknowledged = new ConcurrentQueue<KvKey>();
        var refusals = new ConcurrentQueue<KvException>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Writers).Select(writer => Task.Run(() => WriteUntilStoppedAsync(writerNode, writer, acknowledged, refusals, stop.Token), _ct)).ToArray();

        Assert.True(await WaitForAsync(() => acknowledged.Count >= 200), "the load never got going");
        await server.StopAsync(immediate: true);
        Assert.True(await WaitForAsync(() => refusals.Count >= Writers), "writes kept succeeding with the server down");
        var acknowledgedBeforeRestart = acknowledged.Count;
        await server.StartAgainAsync();
        Assert.True(await WaitForAsync(() => acknowledged.Count >= acknowledgedBeforeRestart + 200), "the store did not resume by itself");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.All(refusals, refusal =>
        {
            Assert.Equal(KvErrorCode.StorageUnavailable, refusal.Code);
            Assert.Equal(KvErrors.StorageUnavailable, refusal.Message);
        });
        await using var fresh = await PostgresKvStore.OpenAsync(options, "ns", _ct);
        var stored = new HashSet<KvKey>();
        await foreach (var entry in fresh.ListAsync(KvListSelector.WithPrefix(K("w")), cancellationToken: _ct))
        {
            stored.Add(entry.Key);
        }

        Assert.All(acknowledged, key => Assert.Contains(key, stored));
        await AssertTheOtherNodeHearsCommitsAgainAsync(writerNode, watcherNode);
    }

    /// <summary>The watching node's listener reconnected by itself: a commit made now reaches its feed.</summary>
    private async Task AssertTheOtherNodeHearsCommitsAgainAsync(PostgresKvStore writerNode, PostgresKvStore watcherNode)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        timeout.CancelAfter(WaitLimit);
        await using var feed = watcherNode.ChangesAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var written = await writerNode.SetAsync(K("after", "restart"), Text("v"), cancellationToken: _ct);
        while (await feed.MoveNextAsync())
        {
            if (feed.Current.Versionstamp == written)
            {
                Assert.Equal([K("after", "restart")], feed.Current.Keys);
                return;
            }
        }

        Assert.Fail("the other node's feed never carried the commit made after the restart");
    }

    private static async Task WriteUntilStoppedAsync(
        IKvStore store, int writer, ConcurrentQueue<KvKey> acknowledged, ConcurrentQueue<KvException> refusals, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var key = K("w", writer, i);
            try
            {
                await store.SetAsync(key, Text("v"), cancellationToken: CancellationToken.None);
                acknowledged.Enqueue(key);
            }
            catch (KvException e)
            {
                refusals.Enqueue(e);

                // A refused write is retried by the caller in real life; here a short pause keeps the loop from spinning.
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    private async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10, _ct);
        }

        return true;
    }
}
