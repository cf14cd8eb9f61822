using System.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Services;
using EdgeKv.Web.Tests.Infrastructure;

namespace EdgeKv.Web.Tests.Services;

/// <summary>The follower on a real engine store, through the domain's authorized change feed.</summary>
public sealed class NamespaceChangeFollowerEngineTests : ConsolePageContext
{
    [Fact]
    public async Task Burst_10000Commits_CallsBackAtMostOncePerInterval()
    {
        // Arrange
        const int Writes = 10_000;
        var (user, namespaces) = await OpenUserAsync("follow@example.com", "ns");
        var store = await Get<IKvStoreRegistry>().OpenAsync(namespaces[0].StoreId, TestContext.Current.CancellationToken);
        var callbacks = 0;
        var lastCallback = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var sawEveryKey = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var follower = new NamespaceChangeFollower(
            (id, token) => Get<RecordService>().WatchChangesAsync(user, id, token),
            async () =>
            {
                Interlocked.Increment(ref callbacks);
                lastCallback = clock.Elapsed;
                if ((await store.GetStatsAsync()).KeyCount == Writes)
                {
                    sawEveryKey.TrySetResult();
                }
            });
        await follower.FollowAsync([namespaces[0].Id]);

        // Act: 10,000 separate commits, each one change in the feed.
        await Task.WhenAll(Enumerable.Range(0, Writes).Select(i =>
            store.SetAsync(KvKey.Of($"key-{i:00000}"), KvValue.Text("v"), cancellationToken: TestContext.Current.CancellationToken)));
        await sawEveryKey.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Assert: one callback at the start of the burst, then at most one per interval (a bound, not a speed).
        var allowed = (int)(lastCallback / CoalescingTrigger.LiveInterval) + 2;
        Assert.InRange(Volatile.Read(ref callbacks), 1, allowed);
    }
}
