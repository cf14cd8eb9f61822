using System.Globalization;
using System.Threading.Channels;
using EdgeKv.Core;
using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Store;
using EdgeKv.Core.Usage;
using EdgeKv.Core.Values;
using Npgsql;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// A store's writer loop: commits queued at the same time are applied as one group, one transaction and one WAL flush.
/// The group (two round trips: <see cref="ApplyGroupAsync"/>) first takes the namespace's commit lock (an advisory transaction lock), which serializes commits to the namespace across
/// every node, so versionstamps strictly increase in commit order; it then reads the rows it touches, evaluates each
/// commit in memory (<see cref="CommitBatch"/>), writes the result, records the change and notifies, and commits.
/// Callers learn their outcome only once the transaction is durable. Expiry sweeps run on the same loop.
/// </summary>
internal sealed class PostgresCommitWriter : IAsyncDisposable
{
    // Deletions and changes written per group are keyed by version; the change log is pruned every this many versions.
    private const ulong ChangePruneEvery = 1024;
    private const int SweepBatchSize = 1000;

    private readonly Channel<KvWriteRequest> _queue = Channel.CreateUnbounded<KvWriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresNamespace _namespace;
    private readonly PostgresKvStoreOptions _options;
    private readonly PostgresFeedPump _pump;
    private readonly KvUsageCounters _usage;
    private readonly Task _loop;

    // Completes when the last group started has settled its callers (written by the writer loop only).
    private Task _settled = Task.CompletedTask;
    private KvStoreStats _stats;

    public PostgresCommitWriter(
        NpgsqlDataSource dataSource, PostgresNamespace ns, PostgresKvStoreOptions options, PostgresFeedPump pump, KvUsageCounters usage, KvStoreStats stats)
    {
        _dataSource = dataSource;
        _namespace = ns;
        _options = options;
        _pump = pump;
        _usage = usage;
        _stats = stats;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The stats as of this node's last durable commit or read of them, from memory.</summary>
    public KvStoreStats Stats
    {
        get => Volatile.Read(ref _stats);
        set => Volatile.Write(ref _stats, value);
    }

    /// <summary>
    /// Raised with the earliest expiry a durable commit set (replaces: false), or the earliest left after a sweep
    /// (replaces: true), so the sweeper sleeps exactly until the next is due.
    /// </summary>
    public event Action<long, bool>? ExpiryKnown;

    /// <summary>Queues a commit; throws <see cref="KvErrorCode.StoreClosed"/> once the store is closing.</summary>
    public Task<KvCommitResult> SubmitAsync(KvCommitRequest commit) =>
        _queue.Writer.TryWrite(commit) ? commit.Completion.Task : throw new KvException(KvErrorCode.StoreClosed);

    /// <summary>Queues a sweep of expired rows; completes with how many were removed.</summary>
    public Task<int> SweepAsync()
    {
        var sweep = new KvSweepRequest();
        return _queue.Writer.TryWrite(sweep) ? sweep.Completion.Task : throw new KvException(KvErrorCode.StoreClosed);
    }

    /// <summary>Stops taking requests and finishes every one already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var group = new List<KvCommitRequest>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var request))
            {
                if (request is KvCommitRequest commit)
                {
                    group.Add(commit);
                    if (group.Count < _options.MaxGroupCommitSize)
                    {
                        continue;
                    }
                }

                await StartGroupAsync(group).ConfigureAwait(false);
                if (request is KvSweepRequest sweep)
                {
                    // A sweep is a commit of its own: it follows every group started before it, published included.
                    await _settled.ConfigureAwait(false);
                    await ApplySweepAsync(sweep).ConfigureAwait(false);
                }
            }

            await StartGroupAsync(group).ConfigureAwait(false);
        }

        await _settled.ConfigureAwait(false);
    }

    /// <summary>
    /// Starts applying the queued commits as one group and returns once the group holds the namespace's commit lock and
    /// has evaluated them, so the next group is collected and sent while this one's writes and COMMIT are on their way:
    /// the next group's lock request waits in the server and gets the lock the moment this one commits, which saves it
    /// a round trip. Versions still follow commit order (each group reads the version under the lock, after the previous
    /// group's COMMIT or rollback), and groups publish and settle in the order they started.
    /// </summary>
    private async Task StartGroupAsync(List<KvCommitRequest> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        KvCommitRequest[] members = [.. group];
        group.Clear();
        var evaluated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _settled = ApplyGroupSafelyAsync(members, _settled, evaluated);
        await evaluated.Task.ConfigureAwait(false);
    }

    /// <summary>Applies a group and settles its callers after the previous group's; never throws.</summary>
    private async Task ApplyGroupSafelyAsync(KvCommitRequest[] group, Task previous, TaskCompletionSource evaluated)
    {
        KvMetrics.GroupCommitted(group.Length);
        var outcomes = new object?[group.Length];
        try
        {
            await ApplyGroupAsync(group, outcomes, previous, evaluated).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The transaction failed (the server went away, the namespace was deleted): nothing of the group is
            // durable, so every commit that had applied in memory fails with the cause.
            var failure = PostgresErrors.IsStorageFailure(e) ? PostgresErrors.Unavailable(e) : e;
            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i] is null or KvCommitResult { Ok: true })
                {
                    outcomes[i] = failure;
                }
            }
        }
        finally
        {
            evaluated.TrySetResult();
        }

        await previous.ConfigureAwait(false);
        Settle(group, outcomes);
    }

    /// <summary>
    /// Two round trips per group: BEGIN, the locks and the group's state (<see cref="ReadGroupStateAsync"/>); then every
    /// write and COMMIT in one batch (<see cref="WriteGroup"/>). The transaction is opened and committed by statements
    /// rather than an <see cref="NpgsqlTransaction"/>, whose commit would be a third round trip.
    /// </summary>
    private async Task ApplyGroupAsync(KvCommitRequest[] group, object?[] outcomes, Task previous, TaskCompletionSource evaluated)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            await ApplyGroupOnAsync(connection, group, outcomes, previous, evaluated).ConfigureAwait(false);
        }
        catch when (connection.FullState == System.Data.ConnectionState.Open)
        {
            // A statement failed inside the transaction: end it here, so the pooled connection does not keep holding
            // the namespace's commit lock until it is next used.
            await using var rollback = Sql.Command(connection, PostgresStatements.Rollback);
            await rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ApplyGroupOnAsync(
        NpgsqlConnection connection, KvCommitRequest[] group, object?[] outcomes, Task previous, TaskCompletionSource evaluated)
    {
        var nowMs = _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var batch = await ReadGroupStateAsync(connection, group).ConfigureAwait(false);
        for (var i = 0; i < group.Length; i++)
        {
            outcomes[i] = await batch.EvaluateAsync(group[i], nowMs).ConfigureAwait(false);
        }

        // This group holds the lock and knows what it writes: the next one may queue behind it.
        evaluated.TrySetResult();
        if (batch.Version == batch.StartVersion)
        {
            await using var rollback = Sql.Command(connection, PostgresStatements.Rollback);
            await rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
            return;
        }

        _pump.Committing(batch.Version);
        await using (var writes = WriteGroup(connection, batch))
        {
            // The batch ends with COMMIT: when it completes, the group is durable (synchronous_commit is on).
            await writes.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        // Durable from here on; what follows happens in commit order, after the previous group's.
        await previous.ConfigureAwait(false);
        Stats = batch.Stats;
        _usage.Committed(batch.Writes, batch.Deletes, batch.BytesWritten);
        if (batch.EarliestExpiryMs != long.MaxValue)
        {
            ExpiryKnown?.Invoke(batch.EarliestExpiryMs, false);
        }

        await _pump.PublishOwnAsync(batch.Changes).ConfigureAwait(false);
    }

    /// <summary>One round trip: begin, lock the namespace (and its budget group), read every row the group's keys name.</summary>
    private async Task<CommitBatch> ReadGroupStateAsync(NpgsqlConnection connection, KvCommitRequest[] group)
    {
        var keys = new HashSet<byte[]>(ByteArrayComparer.Instance);
        foreach (var commit in group)
        {
            keys.UnionWith(commit.CheckKeys);
            keys.UnionWith(commit.MutationKeys);
        }

        await using var read = new NpgsqlBatch(connection);
        read.BatchCommands.Add(Sql.Command(PostgresStatements.Begin));
        read.BatchCommands.Add(Sql.Command(PostgresStatements.LockNamespace, PostgresStatements.CommitLockClass, (int)_namespace.Id));
        read.BatchCommands.Add(Sql.Command(PostgresStatements.GetMeta, _namespace.Id));
        if (_namespace.BudgetGroup is { } budgetGroup)
        {
            read.BatchCommands.Add(Sql.Command(PostgresStatements.LockBudget, budgetGroup));
        }

        read.BatchCommands.Add(Sql.Command(PostgresStatements.RowStates, _namespace.Id, keys.ToArray()));
        // The reader starts on the lock's result (BEGIN returns no rows, so it has none).
        await using var reader = await read.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.NextResultAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            throw new KvException(KvErrorCode.NamespaceNotFound);
        }

        var version = (ulong)reader.GetInt64(0);
        var stats = new KvStoreStats(reader.GetInt64(1), reader.GetInt64(2));
        var deletionBytes = reader.GetInt64(3);
        long used = 0;
        long? limit = null;
        if (_namespace.BudgetGroup is not null)
        {
            await reader.NextResultAsync().ConfigureAwait(false);
            if (await reader.ReadAsync().ConfigureAwait(false))
            {
                used = reader.GetInt64(0);
                limit = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            }
        }

        await reader.NextResultAsync().ConfigureAwait(false);
        var stored = new Dictionary<byte[], RowImage?>(ByteArrayComparer.Instance);
        foreach (var key in keys)
        {
            stored[key] = null;
        }

        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            stored[reader.GetFieldValue<byte[]>(0)] = ReadRow(reader);
        }

        return new CommitBatch(
            stored, key => FetchRowAsync(connection, key), version, stats, deletionBytes, used, limit,
            _namespace.BudgetGroup is not null);
    }

    private async Task<RowImage?> FetchRowAsync(NpgsqlConnection connection, byte[] key)
    {
        await using var command = Sql.Command(connection, PostgresStatements.RowStates, _namespace.Id, new[] { key });
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false) ? ReadRow(reader) : null;
    }

    /// <summary>A row of <see cref="PostgresStatements.RowStates"/>: k, size, encoding, version, expires_at, u64 bytes.</summary>
    private static RowImage ReadRow(NpgsqlDataReader reader) => new(
        reader.GetInt32(1),
        (KvValueEncoding)reader.GetInt16(2),
        (ulong)reader.GetInt64(3),
        reader.IsDBNull(4) ? null : reader.GetInt64(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5));

    /// <summary>
    /// One round trip: every row the group leaves (one statement each for new rows, changed rows and removed rows,
    /// whatever the group's size), its deletions and changes, the meta row, budget, notification, and COMMIT.
    /// </summary>
    private NpgsqlBatch WriteGroup(NpgsqlConnection connection, CommitBatch batch)
    {
        var write = new NpgsqlBatch(connection);
        var ns = _namespace.Id;
        var written = batch.Applied.Where(pair => pair.Value is not null).ToLookup(pair => batch.WasStored(pair.Key));
        AddRows(write, PostgresStatements.InsertMany, [.. written[false]]);
        AddRows(write, PostgresStatements.UpdateMany, [.. written[true]]);
        var removed = batch.Applied.Where(pair => pair.Value is null && batch.WasStored(pair.Key)).Select(pair => pair.Key).ToArray();
        if (removed.Length > 0)
        {
            write.BatchCommands.Add(Sql.Command(PostgresStatements.DeleteMany, ns, removed));
        }

        if (batch.Deletions.Count > 0)
        {
            write.BatchCommands.Add(Sql.Command(
                PostgresStatements.RecordDeletions, ns,
                batch.Deletions.Keys.ToArray(), batch.Deletions.Values.Select(v => (long)v).ToArray()));
        }

        AddBookkeeping(write, batch.Changes, batch.Version, batch.StartVersion, batch.Stats, batch.DeletionBytes, batch.BudgetDelta);
        write.BatchCommands.Add(Sql.Command(PostgresStatements.Commit));
        return write;
    }

    private void AddRows(NpgsqlBatch write, string statement, KeyValuePair<byte[], RowImage?>[] rows)
    {
        if (rows.Length > 0)
        {
            write.BatchCommands.Add(Sql.Command(
                statement, _namespace.Id,
                rows.Select(pair => pair.Key).ToArray(),
                rows.Select(pair => pair.Value!.Data!).ToArray(),
                rows.Select(pair => (short)pair.Value!.Encoding).ToArray(),
                rows.Select(pair => (long)pair.Value!.Version).ToArray(),
                rows.Select(pair => pair.Value!.ExpiresAtMs).ToArray()));
        }
    }

    /// <summary>What every commit group and sweep writes besides rows: changes, meta, budget, pruning, the notification.</summary>
    private void AddBookkeeping(NpgsqlBatch write, List<KvChange> changes, ulong version, ulong startVersion, KvStoreStats stats, long deletionBytes, long budgetDelta)
    {
        var ns = _namespace.Id;
        write.BatchCommands.Add(Sql.Command(PostgresStatements.RecordChanges, ns, (long)version, ChangeLogCodec.Encode(changes)));
        write.BatchCommands.Add(Sql.Command(PostgresStatements.SetMeta, ns, (long)version, stats.KeyCount, stats.StoredBytes, deletionBytes));
        if (_namespace.BudgetGroup is { } budgetGroup && budgetDelta != 0)
        {
            write.BatchCommands.Add(Sql.Command(PostgresStatements.AddBudgetUse, budgetGroup, budgetDelta));
        }

        if (deletionBytes > _options.KeptDeletionBytes)
        {
            // Forget the oldest deletions until half the allowance remains, so pruning is rare.
            write.BatchCommands.Add(Sql.Command(PostgresStatements.PruneDeletions, ns, _options.KeptDeletionBytes / 2));
            write.BatchCommands.Add(Sql.Command(PostgresStatements.RecountDeletionBytes, ns));
        }

        if (version / ChangePruneEvery != startVersion / ChangePruneEvery)
        {
            write.BatchCommands.Add(Sql.Command(PostgresStatements.PruneChanges, ns, _options.ChangeLogRetention));
        }

        write.BatchCommands.Add(Sql.Command(PostgresStatements.Notify, string.Create(CultureInfo.InvariantCulture, $"{ns}:{version}")));
    }

    /// <summary>Completes every caller of a group, in commit order (their changes were published before).</summary>
    private static void Settle(KvCommitRequest[] group, object?[] outcomes)
    {
        for (var i = 0; i < group.Length; i++)
        {
            group[i].Settle(outcomes[i]);
        }
    }

    private async Task ApplySweepAsync(KvSweepRequest sweep)
    {
        try
        {
            sweep.Completion.TrySetResult(await SweepOnceAsync().ConfigureAwait(false));
            KvMetrics.Operation(KvMetrics.OperationKinds.Sweep, KvMetrics.Outcomes.Ok);
        }
        catch (Exception e)
        {
            KvMetrics.Operation(KvMetrics.OperationKinds.Sweep, KvMetrics.Outcomes.Error);
            sweep.Completion.TrySetException(PostgresErrors.IsStorageFailure(e) ? PostgresErrors.Unavailable(e) : e);
        }
    }

    /// <summary>
    /// Deletes one batch of expired rows as a commit of its own (new version, exact stats, a change), unless another
    /// node holds this namespace's sweep lock (it is sweeping the same rows now). Returns how many rows it removed.
    /// </summary>
    private async Task<int> SweepOnceAsync()
    {
        var nowMs = _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var ns = _namespace.Id;
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using (var tryLock = Sql.Command(connection, PostgresStatements.TrySweepLock, PostgresStatements.SweepLockClass, (int)ns))
        {
            tryLock.Transaction = transaction;
            if (await tryLock.ExecuteScalarAsync().ConfigureAwait(false) is not true)
            {
                return 0;
            }
        }

        ulong version;
        KvStoreStats stats;
        long deletionBytes;
        await using (var meta = new NpgsqlBatch(connection, transaction))
        {
            meta.BatchCommands.Add(Sql.Command(PostgresStatements.LockNamespace, PostgresStatements.CommitLockClass, (int)ns));
            meta.BatchCommands.Add(Sql.Command(PostgresStatements.GetMeta, ns));
            await using var reader = await meta.ExecuteReaderAsync().ConfigureAwait(false);
            await reader.NextResultAsync().ConfigureAwait(false);
            if (!await reader.ReadAsync().ConfigureAwait(false))
            {
                throw new KvException(KvErrorCode.NamespaceNotFound);
            }

            (version, stats, deletionBytes) = ((ulong)reader.GetInt64(0), new KvStoreStats(reader.GetInt64(1), reader.GetInt64(2)), reader.GetInt64(3));
        }

        var removed = new List<(byte[] Key, long Size)>();
        await using (var delete = Sql.Command(connection, PostgresStatements.DeleteExpired, ns, nowMs, SweepBatchSize))
        {
            delete.Transaction = transaction;
            await using var reader = await delete.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                removed.Add((reader.GetFieldValue<byte[]>(0), reader.GetInt32(1)));
            }
        }

        if (removed.Count == 0)
        {
            ExpiryKnown?.Invoke(await EarliestExpiryAsync(connection, transaction).ConfigureAwait(false), true);
            await transaction.RollbackAsync().ConfigureAwait(false);
            return 0;
        }

        var swept = version + 1;
        var freed = removed.Sum(row => row.Size);
        var keys = removed.ConvertAll(row => EdgeKv.Core.Keys.KvKey.DecodeOwned(row.Key));
        var change = new KvChange(Versionstamp.FromCommitVersion(swept), keys);
        stats = new KvStoreStats(stats.KeyCount - removed.Count, stats.StoredBytes - freed);
        deletionBytes += removed.Sum(row => (long)row.Key.Length + PostgresStatements.DeletionRowOverhead);
        await using (var write = new NpgsqlBatch(connection, transaction))
        {
            write.BatchCommands.Add(Sql.Command(
                PostgresStatements.RecordDeletions, ns,
                removed.Select(row => row.Key).ToArray(), removed.Select(_ => (long)swept).ToArray()));
            AddBookkeeping(write, [change], swept, version, stats, deletionBytes, -freed);
            write.BatchCommands.Add(Sql.Command(PostgresStatements.PruneChanges, ns, _options.ChangeLogRetention));
            await write.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        var earliest = await EarliestExpiryAsync(connection, transaction).ConfigureAwait(false);
        _pump.Committing(swept);
        await transaction.CommitAsync().ConfigureAwait(false);
        Stats = stats;
        ExpiryKnown?.Invoke(earliest, true);
        await _pump.PublishOwnAsync([change]).ConfigureAwait(false);
        return removed.Count;
    }

    private async Task<long> EarliestExpiryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var command = Sql.Command(connection, PostgresStatements.EarliestExpiry, _namespace.Id);
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync().ConfigureAwait(false) is long ms ? ms : long.MaxValue;
    }
}

