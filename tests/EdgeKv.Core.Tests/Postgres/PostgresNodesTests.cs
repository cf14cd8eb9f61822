using EdgeKv.Core.Keys;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using EdgeKv.Storage.Postgres;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Postgres;

/// <summary>
/// Several EdgeKv nodes on one PostgreSQL database, played by several store instances (each with its own connection
/// pool and change listener, as separate processes would have): commits, watches, change feeds, remembered deletions,
/// budgets and expiry sweeps hold across them.
/// </summary>
public sealed class PostgresNodesTests : IAsyncLifetime
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly List<IAsyncDisposable> _opened = [];
    private string _database = "";

    public async ValueTask InitializeAsync() => _database = await SharedPostgresServer.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }

        await SharedPostgresServer.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task ChangesAsync_CommitsOnTwoNodes_ReachEachNodesFeedOnceInCommitOrder()
    {
        var a = await NodeAsync();
        var b = await NodeAsync();
        using var timeout = Timeout();
        await using var feedA = a.ChangesAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        await using var feedB = b.ChangesAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var expected = new List<(Versionstamp, KvKey)>();

        for (var i = 0; i < 6; i++)
        {
            var node = i % 3 == 2 ? b : a;
            expected.Add((await node.SetAsync(K("k", i), Text("v"), cancellationToken: _ct), K("k", i)));
        }

        Assert.Equal(expected, await TakeAsync(feedA, expected.Count));
        Assert.Equal(expected, await TakeAsync(feedB, expected.Count));
    }

    [Fact]
    public async Task WatchAsync_KeyWrittenThroughAnotherNode_EmitsTheNewEntry()
    {
        var a = await NodeAsync();
        var b = await NodeAsync();
        using var timeout = Timeout();
        await using var watch = b.WatchAsync([K("config")], timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await watch.MoveNextAsync());
        Assert.False(watch.Current[0].Exists);

        var written = await a.SetAsync(K("config"), Text("from A"), cancellationToken: _ct);
        Assert.True(await watch.MoveNextAsync());

        Assert.Equal("from A", TextOf(watch.Current[0]));
        Assert.Equal(written, watch.Current[0].Versionstamp);
    }

    [Fact]
    public async Task CommitAsync_SumsFromTwoNodesAtOnce_AddUpAndEveryVersionstampIsDistinct()
    {
        var nodes = new[] { await NodeAsync(), await NodeAsync() };

        var stamps = await Task.WhenAll(Enumerable.Range(0, 16).Select(writer => Task.Run(async () =>
        {
            var mine = new List<Versionstamp>();
            for (var i = 0; i < 25; i++)
            {
                mine.Add((await nodes[writer % 2].Atomic().Sum(K("total"), 1).CommitAsync(_ct)).Versionstamp!.Value);
            }

            return mine;
        }, _ct)));

        Assert.Equal(400UL, (await nodes[1].GetAsync(K("total"), cancellationToken: _ct)).Value!.AsU64());
        Assert.Equal(400, stamps.SelectMany(s => s).Distinct().Count());
        Assert.All(stamps, mine => Assert.Equal(mine.Order(), mine)); // each writer's commits in its own order
    }

    [Fact]
    public async Task ReadDeletionsAsync_KeyDeletedThroughAnotherNode_IsRememberedHere()
    {
        var a = await NodeAsync();
        var b = await NodeAsync();
        var seen = await b.SetAsync(K("users", "ann"), Text("a"), cancellationToken: _ct);

        var deleted = await a.DeleteAsync(K("users", "ann"), _ct);

        Assert.True(await b.RemembersDeletionsAfterAsync(seen, _ct));
        var deletions = new List<KvDeletion>();
        await foreach (var deletion in b.ReadDeletionsAsync(KvListSelector.WithPrefix(K("users")), seen, _ct))
        {
            deletions.Add(deletion);
        }

        Assert.Equal([new KvDeletion(K("users", "ann"), deleted)], deletions);
    }

    [Fact]
    public async Task SweepExpired_TwoNodesWithSweepers_RemovesTheKeyOnceWithOneVersionstamp()
    {
        var options = Options() with { MaxExpirySweepInterval = TimeSpan.FromMilliseconds(300) };
        var a = await NodeAsync(options);
        var b = await NodeAsync(options);
        using var timeout = Timeout();
        await using var feedA = a.ChangesAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        await using var feedB = b.ChangesAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var set = await a.SetAsync(K("flash"), Text("soon gone"), TimeSpan.FromMilliseconds(200), _ct);

        var seenByA = await TakeAsync(feedA, 2);
        var seenByB = await TakeAsync(feedB, 2);
        var next = await b.SetAsync(K("after"), Text("x"), cancellationToken: _ct);

        Assert.Equal([(set, K("flash")), (Versionstamp.FromCommitVersion(set.CommitVersion + 1), K("flash"))], seenByA);
        Assert.Equal(seenByA, seenByB);
        Assert.Equal(set.CommitVersion + 2, next.CommitVersion); // no second sweep commit in between
        Assert.Equal(new KvStoreStats(1, K("after").Encode().Length + 1), await a.GetStatsAsync(_ct));
    }

    [Fact]
    public async Task SetAsync_TwoNodesRacingForAGroupsLastBytes_OneWins()
    {
        await using var nodeA = await RegistryAsync();
        await using var nodeB = await RegistryAsync();
        var first = await nodeA.CreateNamespaceAsync("first", "acct", _ct);
        var second = await nodeB.CreateNamespaceAsync("second", "acct", _ct);
        var payload = KvValue.Bytes(new byte[100]);
        var cost = K("k").Encode().Length + 100;
        await nodeA.SetBudgetAsync("acct", cost + (cost / 2), _ct); // room for one write, not two

        var results = await Task.WhenAll(
            Task.Run(() => TrySetAsync(first, payload), _ct),
            Task.Run(() => TrySetAsync(second, payload), _ct));

        Assert.Single(results, ok => ok);
        Assert.Equal(new KvBudgetUsage(cost, cost + (cost / 2)), await nodeB.GetBudgetUsageAsync("acct", _ct));
    }

    [Fact]
    public async Task CreateNamespaceAsync_OnOneNode_OpensOnTheOtherAndDeletingItThereEndsItsWrites()
    {
        await using var nodeA = await RegistryAsync();
        await using var nodeB = await RegistryAsync();
        var onA = await nodeA.CreateNamespaceAsync("shared", cancellationToken: _ct);
        await onA.SetAsync(K("k"), Text("v"), cancellationToken: _ct);

        var onB = await nodeB.OpenAsync("shared", _ct);
        Assert.Equal("v", TextOf(await onB.GetAsync(K("k"), cancellationToken: _ct)));
        await nodeB.DeleteNamespaceAsync("shared", _ct);

        Assert.False(nodeA.Exists("shared"));
        var error = await Assert.ThrowsAsync<KvException>(() => onA.SetAsync(K("k"), Text("again"), cancellationToken: _ct));
        Assert.Equal(KvErrorCode.NamespaceNotFound, error.Code);
    }

    [Fact]
    public async Task DeleteNamespaceAsync_WhileAnotherNodeCommits_SucceedsAndEndsThatNodesWrites()
    {
        await using var nodeA = await RegistryAsync();
        await using var nodeB = await RegistryAsync();
        var onA = await nodeA.CreateNamespaceAsync("busy", "acct", _ct);
        var writes = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                try
                {
                    await onA.SetAsync(K("w", writer, i), Text("v"), cancellationToken: _ct);
                }
                catch (KvException e) when (e.Code == KvErrorCode.NamespaceNotFound)
                {
                    return i;
                }
            }
        }, _ct)).ToArray();
        await (await nodeB.OpenAsync("busy", _ct)).SetAsync(K("from B"), Text("v"), cancellationToken: _ct);

        // Every writer of a namespace takes its commit lock before any row lock; a deletion that took the meta row
        // first would deadlock with a commit group updating that row (one of them aborted by the server).
        await nodeB.DeleteNamespaceAsync("busy", _ct);
        var written = await Task.WhenAll(writes).WaitAsync(WaitLimit, _ct);

        Assert.False(nodeA.Exists("busy"));
        Assert.All(written, count => Assert.True(count >= 0));
        Assert.Equal(new KvBudgetUsage(0, null), await nodeA.GetBudgetUsageAsync("acct", _ct));
    }

    private async Task<bool> TrySetAsync(IKvStore store, KvValue payload)
    {
        try
        {
            await store.SetAsync(K("k"), payload, cancellationToken: _ct);
            return true;
        }
        catch (KvQuotaExceededException)
        {
            return false;
        }
    }

    private PostgresKvStoreOptions Options() => PostgresTestBackend.ToPostgres(_database, null);

    /// <summary>A node: the namespace "ns" opened by a store instance of its own.</summary>
    private async Task<PostgresKvStore> NodeAsync(PostgresKvStoreOptions? options = null)
    {
        var store = await PostgresKvStore.OpenAsync(options ?? Options(), "ns", _ct);
        _opened.Add(store);
        return store;
    }

    private async Task<IKvStoreRegistry> RegistryAsync() => await Task.Run(() => new PostgresKvStoreRegistry(Options()), _ct);

    private CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        timeout.CancelAfter(WaitLimit);
        return timeout;
    }

    /// <summary>The next <paramref name="count"/> changes of a feed, one key each (fewer if the wait limit passes).</summary>
    private static async Task<List<(Versionstamp, KvKey)>> TakeAsync(IAsyncEnumerator<KvChange> feed, int count)
    {
        var taken = new List<(Versionstamp, KvKey)>();
        while (taken.Count < count && await feed.MoveNextAsync())
        {
            taken.Add((feed.Current.Versionstamp, Assert.Single(feed.Current.Keys)));
        }

        return taken;
    }
}
