using EdgeKv.Core.Replication;
using Npgsql;
using NpgsqlTypes;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// A node's read replica: its connection pool, and one loop that measures its lag every
/// <see cref="PostgresKvStoreOptions.ReplicaProbeInterval"/> (the primary's WAL position, then the replica's replayed
/// one: <see cref="ReplicaLagTracker"/>) and keeps <see cref="State"/> current — Serving within
/// <see cref="PostgresKvStoreOptions.MaxReplicaLag"/>, Behind past it, Unreachable when the replica does not answer or
/// is not a standby. Eventual reads consult <see cref="IsServing"/> at each read.
/// </summary>
internal sealed class PostgresReplicaMonitor : IAsyncDisposable
{
    private const string NotMeasuredYet = "Not measured yet.";
    private const string NotAStandby = "The replica's server is not in recovery: it is not a streaming replica.";

    // A probe that hangs (a server that accepts but does not answer) is given up on, so the state stays current.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource _primary;
    private readonly PostgresKvStoreOptions _options;
    private readonly ReplicaLagTracker _lag = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource<KvReplicaState> _measured = NewMeasurement();
    private KvReplicaState _state;
    private Task _loop = Task.CompletedTask;

    public PostgresReplicaMonitor(NpgsqlDataSource primary, NpgsqlDataSource replica, PostgresKvStoreOptions options)
    {
        _primary = primary;
        Replica = replica;
        _options = options;
        _state = new KvReplicaState(KvReplicaHealth.Unreachable, null, options.MaxReplicaLag, null, NotMeasuredYet);
    }

    /// <summary>The replica's pool, where eventual reads go while it serves.</summary>
    public NpgsqlDataSource Replica { get; }

    /// <summary>The replica as last measured.</summary>
    public KvReplicaState State => Volatile.Read(ref _state);

    /// <summary>True while eventual reads go to the replica.</summary>
    public bool IsServing => State.Health == KvReplicaHealth.Serving;

    /// <summary>Starts measuring (the first probe at once; reads go to the primary until it says Serving).</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>The state after the next measurement (for tests and anything that waits for a change, without polling).</summary>
    public Task<KvReplicaState> NextMeasurementAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _measured).Task.WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        await Replica.DisposeAsync().ConfigureAwait(false);
    }

    private static TaskCompletionSource<KvReplicaState> NewMeasurement() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync(CancellationToken stop)
    {
        // Real time, not the options' clock: tests move that one to expire keys, and lag is a wall-clock fact.
        using var timer = new PeriodicTimer(_options.ReplicaProbeInterval);
        try
        {
            do
            {
                Publish(await MeasureAsync(stop).ConfigureAwait(false));
            }
            while (await WaitAsync(timer, stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed mid-probe.
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<KvReplicaState> MeasureAsync(CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(ProbeTimeout);
        var primaryAnswered = await TryRecordPrimaryAsync(timeout.Token).ConfigureAwait(false);
        try
        {
            await using var command = Replica.CreateCommand(PostgresStatements.ReplicaReplayPosition);
            await using var reader = await command.ExecuteReaderAsync(timeout.Token).ConfigureAwait(false);
            await reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            if (!reader.GetBoolean(0) || reader.IsDBNull(1))
            {
                return Unreachable(NotAStandby);
            }

            var replayed = (ulong)reader.GetFieldValue<NpgsqlLogSequenceNumber>(1);
            var now = TimeProvider.System.GetUtcNow();
            var lag = _lag.LagAt(now, replayed, primaryAnswered);
            var health = lag is { } measured && measured <= _options.MaxReplicaLag ? KvReplicaHealth.Serving : KvReplicaHealth.Behind;
            return new KvReplicaState(health, lag, _options.MaxReplicaLag, now, null);
        }
        // Any error of the replica's server takes it out of service, not only an outage: a probe that fails says
        // nothing about how fresh the replica is.
        catch (Exception e) when (e is NpgsqlException || (e is OperationCanceledException && !stop.IsCancellationRequested))
        {
            return Unreachable(e is OperationCanceledException ? $"The replica did not answer within {ProbeTimeout.TotalSeconds:0} s." : e.Message);
        }
    }

    /// <summary>Records where the primary's WAL ends now; false when it did not answer.</summary>
    private async Task<bool> TryRecordPrimaryAsync(CancellationToken cancellationToken)
    {
        var at = TimeProvider.System.GetUtcNow();
        try
        {
            await using var command = _primary.CreateCommand(PostgresStatements.PrimaryWalPosition);
            var position = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            _lag.RecordPrimary(at, (ulong)position);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            return false;
        }
    }

    // Keeps the last measured lag: "unreachable, 120 ms behind when last measured" is more use than nothing.
    private KvReplicaState Unreachable(string error) =>
        State with { Health = KvReplicaHealth.Unreachable, Error = error };

    private void Publish(KvReplicaState state)
    {
        var previous = Interlocked.Exchange(ref _state, state);
        if (previous.Health != state.Health)
        {
            PostgresLog.ReplicaHealthChanged(_options.Logger, previous.Health, state.Health, state.Lag?.TotalMilliseconds, state.Error);
        }

        Interlocked.Exchange(ref _measured, NewMeasurement()).TrySetResult(state);
    }
}
