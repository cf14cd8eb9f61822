using EdgeKv.Core.Keys;
using EdgeKv.Core.Replication;
using EdgeKv.Core.Store;
using EdgeKv.Storage.Postgres;
using EdgeKv.Testing.Postgres;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Postgres;

/// <summary>
/// A node with a real streaming replica (<c>pg_basebackup -R -X stream</c>): eventual reads come from the replica while
/// it is within the lag bound — proved by pausing its replay, after which they return what it last replayed while
/// strong reads return the new value — and from the primary once it is behind or gone, or once the primary cannot be
/// sampled (its lag then counts from the primary's last answer). The class shares one primary
/// and replica; each test has its own database and leaves the replica replaying and running.
/// </summary>
public sealed class PostgresReplicaTests(PostgresReplicaFixture servers) : IClassFixture<PostgresReplicaFixture>, IAsyncLifetime
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);
    private static readonly KvKey Key = K("config");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private PostgresKvStoreRegistry? _registry;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        if (!servers.Primary.IsRunning)
        {
            await servers.Primary.StartAgainAsync();
        }

        if (!servers.Replica.IsRunning)
        {
            await servers.Replica.StartAgainAsync();
        }

        await servers.Replica.ResumeReplayAsync();
    }

    [Fact]
    public async Task EventualGet_ThroughTheReplica_ReturnsTheNewValueOnceItCatchesUp()
    {
        // Arrange
        var (registry, store) = await OpenAsync(KvReplicaState.DefaultMaxLag);
        await WaitForAsync(registry, state => state.Health == KvReplicaHealth.Serving);

        // Act
        await store.SetAsync(Key, Text("v1"), cancellationToken: _ct);

        // Assert: the replica serves it once it has replayed it; the state says how far behind it was.
        await EventuallyReadsAsync(registry, store, "v1");
        var state = registry.Replica;
        Assert.Equal(KvReplicaHealth.Serving, state.Health);
        Assert.True(state.Lag <= state.MaxLag, $"lag {state.Lag} within {state.MaxLag}");
        Assert.Equal(KvReplicaState.DefaultMaxLag, state.MaxLag);
        Assert.Null(state.Error);
    }

    [Fact]
    public async Task ReplayPaused_EventualReadsReturnTheReplicasStaleValue_StrongReadsTheNew_ResumedItCatchesUp()
    {
        // Arrange: v1 on the replica, then its replay paused (the bound is 60 s: it keeps serving).
        var (registry, store) = await OpenAsync(KvReplicaState.DefaultMaxLag);
        await store.SetAsync(Key, Text("v1"), cancellationToken: _ct);
        await EventuallyReadsAsync(registry, store, "v1");
        await servers.Replica.PauseReplayAsync();

        // Act
        await store.SetAsync(Key, Text("v2"), cancellationToken: _ct);

        // Assert: every eventual read shape answers from the replica (v1), strong ones from the primary (v2).
        Assert.Equal(KvReplicaHealth.Serving, registry.Replica.Health);
        Assert.Equal("v1", TextOf(await store.GetAsync(Key, KvConsistency.Eventual, _ct)));
        Assert.Equal("v1", TextOf((await store.GetManyAsync([Key], KvConsistency.Eventual, _ct))[0]));
        Assert.Equal("v1", TextOf((await store.ListPageAsync(KvListSelector.WithPrefix(K()), new KvListOptions { Consistency = KvConsistency.Eventual }, _ct)).Entries[0]));
        var range = new KvRawRange(Key.Encode(), K("configz").Encode(), 10, false);
        Assert.Equal("v1", TextOf((await store.ReadRawRangesAsync([range], KvConsistency.Eventual, _ct))[0][0]));
        Assert.Equal("v2", TextOf(await store.GetAsync(Key, KvConsistency.Strong, _ct)));
        Assert.Equal("v2", TextOf((await store.ListPageAsync(KvListSelector.WithPrefix(K()), cancellationToken: _ct)).Entries[0]));

        // Act: resumed.
        await servers.Replica.ResumeReplayAsync();

        // Assert
        await EventuallyReadsAsync(registry, store, "v2");
    }

    [Fact]
    public async Task ReplayPausedPastTheBound_ReplicaBehind_EventualReadsFromThePrimary_ResumedServingAgain()
    {
        // Arrange: a 2 s bound, v1 replayed, then replay paused and v2 written.
        var (registry, store) = await OpenAsync(TimeSpan.FromSeconds(2));
        await store.SetAsync(Key, Text("v1"), cancellationToken: _ct);
        await EventuallyReadsAsync(registry, store, "v1");
        await servers.Replica.PauseReplayAsync();
        await store.SetAsync(Key, Text("v2"), cancellationToken: _ct);

        // Act: the replica falls past the bound.
        var behind = await WaitForAsync(registry, state => state.Health == KvReplicaHealth.Behind);

        // Assert: eventual reads are served, fresh, by the primary (a fallback, not a refusal).
        Assert.True(behind.Lag > TimeSpan.FromSeconds(2), $"lag {behind.Lag}");
        Assert.Equal("v2", TextOf(await store.GetAsync(Key, KvConsistency.Eventual, _ct)));

        // Act: resumed, it catches up and serves again.
        await servers.Replica.ResumeReplayAsync();
        var serving = await WaitForAsync(registry, state => state.Health == KvReplicaHealth.Serving);

        // Assert
        Assert.True(serving.Lag <= TimeSpan.FromSeconds(2), $"lag {serving.Lag}");
        Assert.Equal("v2", TextOf(await store.GetAsync(Key, KvConsistency.Eventual, _ct)));
    }

    [Fact]
    public async Task ReplicaStopped_Unreachable_EventualReadsFromThePrimary()
    {
        // Arrange
        var (registry, store) = await OpenAsync(KvReplicaState.DefaultMaxLag);
        await store.SetAsync(Key, Text("v1"), cancellationToken: _ct);
        await EventuallyReadsAsync(registry, store, "v1");

        // Act: the replica's server stops; a write follows.
        await servers.Replica.StopAsync();
        await store.SetAsync(Key, Text("v2"), cancellationToken: _ct);

        // Assert: reads never fail for it, not even before the monitor has noticed; then it is Unreachable, with why.
        Assert.Equal("v2", TextOf(await store.GetAsync(Key, KvConsistency.Eventual, _ct)));
        var unreachable = await WaitForAsync(registry, state => state.Health == KvReplicaHealth.Unreachable);
        Assert.False(string.IsNullOrEmpty(unreachable.Error));
        Assert.Equal("v2", TextOf(await store.GetAsync(Key, KvConsistency.Eventual, _ct)));

        // Act: back again.
        await servers.Replica.StartAgainAsync();

        // Assert
        await WaitForAsync(registry, state => state.Health == KvReplicaHealth.Serving);
        await EventuallyReadsAsync(registry, store, "v2");
    }

    [Fact]
    public async Task PrimaryStopped_TheReplicaAnswers_ItsLagCountsFromThePrimarysLastAnswer_BehindPastTheBound_ServingOnceThePrimaryIsBack()
    {
        // Arrange: caught up, with a 2 s bound.
        var (registry, store) = await OpenAsync(TimeSpan.FromSeconds(2));
        await store.SetAsync(Key, Text("v1"), cancellationToken: _ct);
        await EventuallyReadsAsync(registry, store, "v1");

        // Act: the primary stops; the replica, which has replayed all it was sent, keeps answering.
        await servers.Primary.StopAsync();
        KvReplicaState behind;
        KvException refused;
        try
        {
            behind = await WaitForAsync(registry, state => state.Health == KvReplicaHealth.Behind);
            refused = await Assert.ThrowsAsync<KvException>(async () => await store.GetAsync(Key, KvConsistency.Eventual, _ct));
        }
        finally
        {
            await servers.Primary.StartAgainAsync();
        }

        // Assert: what the primary committed since its last answer is unknown, so the replica is never taken for
        // fresher than that answer: its lag (measured, the replica answered) grows past the bound, and eventual reads go
        // to the primary, which cannot serve them either: the clear storage-unavailable error.
        Assert.True(behind.Lag > TimeSpan.FromSeconds(2), $"lag {behind.Lag}");
        Assert.Null(behind.Error);
        Assert.Equal((KvErrorCode.StorageUnavailable, KvErrors.StorageUnavailable), (refused.Code, refused.Message));

        // Act and Assert: the primary back, the replica serves again by itself.
        await WaitForAsync(registry, state => state.Health == KvReplicaHealth.Serving);
        await EventuallyReadsAsync(registry, store, "v1");
    }

    [Fact]
    public async Task Registry_WithoutAReplica_NotConfigured()
    {
        var database = await servers.Primary.CreateDatabaseAsync();
        _registry = await Task.Run(() => new PostgresKvStoreRegistry(new PostgresKvStoreOptions { ConnectionString = database }), _ct);

        Assert.Equal(KvReplicaState.NotConfigured, _registry.Replica);
    }

    private async Task<(PostgresKvStoreRegistry Registry, IKvStore Store)> OpenAsync(TimeSpan maxLag)
    {
        var database = await servers.Primary.CreateDatabaseAsync();
        var options = new PostgresKvStoreOptions
        {
            ConnectionString = database,
            ReplicaConnectionString = servers.ReplicaOf(database),
            MaxReplicaLag = maxLag,
        };
        _registry = await Task.Run(() => new PostgresKvStoreRegistry(options), _ct);
        return (_registry, await _registry.CreateNamespaceAsync("ns", cancellationToken: _ct));
    }

    /// <summary>The replica's state once <paramref name="condition"/> holds, measurement by measurement (bounded).</summary>
    private async Task<KvReplicaState> WaitForAsync(PostgresKvStoreRegistry registry, Func<KvReplicaState, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        timeout.CancelAfter(WaitLimit);
        var state = registry.Replica;
        while (!condition(state))
        {
            state = await registry.NextReplicaMeasurementAsync(timeout.Token);
        }

        return state;
    }

    /// <summary>Reads eventually after each measurement until the replica serves <paramref name="expected"/> (bounded).</summary>
    private async Task EventuallyReadsAsync(PostgresKvStoreRegistry registry, IKvStore store, string expected)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        timeout.CancelAfter(WaitLimit);
        while (registry.Replica.Health != KvReplicaHealth.Serving || TextOf(await store.GetAsync(Key, KvConsistency.Eventual, _ct)) != expected)
        {
            await registry.NextReplicaMeasurementAsync(timeout.Token);
        }
    }
}
