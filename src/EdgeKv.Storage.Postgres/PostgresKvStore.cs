using System.Runtime.CompilerServices;
using EdgeKv.Core;
using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Usage;
using EdgeKv.Core.Values;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// An <see cref="IKvStore"/> over one namespace of a PostgreSQL database that several nodes may share. Commits go
/// through this instance's writer loop, which groups concurrent commits into one transaction and serializes with
/// every other node's writers on the namespace's row lock; a commit is acknowledged once PostgreSQL has flushed it.
/// Reads are snapshots of the database (they see every node's commits); eventual ones (get, getMany, list, raw ranges)
/// are served by the node's read replica while it is within its lag bound, by the primary otherwise (ADR 0014). The change feed and watches carry this
/// node's commits and, through LISTEN/NOTIFY and the change log, every other node's, in commit order. Open one
/// alone with <see cref="OpenAsync(PostgresKvStoreOptions, string, CancellationToken)"/>, or through
/// <see cref="PostgresKvStoreRegistry"/>. When the server is unreachable, calls fail with
/// <see cref="KvErrorCode.StorageUnavailable"/> and the store resumes by itself once it is back.
/// </summary>
public sealed class PostgresKvStore : IKvStore
{
    private const int DeletionPageSize = 1000;

    private readonly PostgresKvDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly PostgresNamespace _namespace;
    private readonly PostgresKvStoreOptions _options;
    private readonly KvUsageCounters _usage;
    private readonly ChangeFeed _feed = new();
    private readonly PostgresEntryReader _reader;
    private readonly PostgresEntryReader? _replicaReader;
    private readonly PostgresFeedPump _pump;
    private readonly PostgresCommitWriter _writer;
    private readonly KvExpirySweeper _sweeper;
    private int _closed;

    private PostgresKvStore(
        PostgresKvDatabase database, bool ownsDatabase, PostgresNamespace ns, KvUsageCounters usage, ulong version, KvStoreStats stats, long earliestExpiryMs)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _namespace = ns;
        _options = database.Options;
        _usage = usage;
        _reader = new PostgresEntryReader(database.DataSource, ns.Id);
        _replicaReader = database.Replica is { } replica ? new PostgresEntryReader(replica.Replica, ns.Id) : null;
        _pump = new PostgresFeedPump(database.DataSource, _feed, _options, ns.Id, ns.Name, version);
        database.Listener.Add(_pump);
        _writer = new PostgresCommitWriter(database.DataSource, ns, _options, _pump, usage, stats);

        // Expiries this node does not learn of (other nodes' commits) are found within MaxExpirySweepInterval. Of
        // several nodes only one sweeps a namespace at a time (an advisory lock); the others find nothing to remove.
        _sweeper = new KvExpirySweeper(
            earliestExpiryMs,
            _options.MaxExpirySweepInterval,
            _options.Clock,
            _writer.SweepAsync,
            (e, retryMs) => PostgresLog.SweepFailed(_options.Logger, ns.Name, retryMs, e));
        _writer.ExpiryKnown += OnExpiryKnown;
        if (_options.RunsBackgroundSweeper)
        {
            _sweeper.Start();
        }
    }

    /// <summary>The namespace this store holds.</summary>
    public string Namespace => _namespace.Name;

    /// <summary>The stats as of this node's last commit or stats read, from memory (for metrics).</summary>
    internal KvStoreStats CurrentStats => _writer.Stats;

    /// <summary>
    /// Opens the namespace <paramref name="namespaceId"/> (creating it, outside any budget group, when missing) in the
    /// database of <paramref name="options"/>, with a connection pool and change listener of its own, closed with it.
    /// </summary>
    public static async Task<PostgresKvStore> OpenAsync(PostgresKvStoreOptions options, string namespaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceId);
        var database = await Task.Run(() => PostgresKvDatabase.Open(options), cancellationToken).ConfigureAwait(false);
        try
        {
            var ns = await PostgresCatalog.FindAsync(database.DataSource, namespaceId, cancellationToken).ConfigureAwait(false)
                ?? await PostgresCatalog.AddAsync(database.DataSource, namespaceId, null, cancellationToken).ConfigureAwait(false)
                ?? await PostgresCatalog.FindAsync(database.DataSource, namespaceId, cancellationToken).ConfigureAwait(false)
                ?? throw new KvException(KvErrorCode.NamespaceNotFound);
            return await OpenAsync(database, ownsDatabase: true, ns, new KvUsageCounters(), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a store of a namespace known to exist, on a database the caller keeps open (or hands over).</summary>
    internal static async Task<PostgresKvStore> OpenAsync(
        PostgresKvDatabase database, bool ownsDatabase, PostgresNamespace ns, KvUsageCounters usage, CancellationToken cancellationToken)
    {
        var (version, stats, earliest) = await PostgresErrors.GuardAsync(async () =>
        {
            await using var batch = database.DataSource.CreateBatch();
            batch.BatchCommands.Add(Sql.Command(PostgresStatements.GetVersion, ns.Id));
            batch.BatchCommands.Add(Sql.Command(PostgresStatements.GetStats, ns.Id));
            batch.BatchCommands.Add(Sql.Command(PostgresStatements.EarliestExpiry, ns.Id));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new KvException(KvErrorCode.NamespaceNotFound);
            }

            var version = (ulong)reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var stats = new KvStoreStats(reader.GetInt64(0), reader.GetInt64(1));
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var earliest = reader.IsDBNull(0) ? long.MaxValue : reader.GetInt64(0);
            return (version, stats, earliest);
        }).ConfigureAwait(false);
        return new PostgresKvStore(database, ownsDatabase, ns, usage, version, stats, earliest);
    }

    /// <inheritdoc />
    public KvAtomicOperation Atomic() => new(this);

    /// <inheritdoc />
    public async Task<KvEntry> GetAsync(KvKey key, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default)
    {
        KvValidation.ReadKey(key);
        ThrowIfClosed();
        KvMetrics.Operation(KvMetrics.OperationKinds.Read, KvMetrics.Outcomes.Ok);
        _usage.Read(1);
        return (await ReadAsync(consistency, reader => reader.GetManyAsync([key], NowMs(), cancellationToken)).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KvEntry>> GetManyAsync(
        IReadOnlyList<KvKey> keys, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default)
    {
        KvValidation.ReadKeys(keys, KvLimits.MaxReadRanges, KvErrorCode.TooManyRanges);
        ThrowIfClosed();
        KvMetrics.Operation(KvMetrics.OperationKinds.Read, KvMetrics.Outcomes.Ok);
        _usage.Read(keys.Count);
        return keys.Count == 0 ? [] : await ReadAsync(consistency, reader => reader.GetManyAsync(keys, NowMs(), cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<KvListPage> ListPageAsync(KvListSelector selector, KvListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var plan = KvListPlan.Create(selector, options);
        var range = plan.RangeAfter(options?.Cursor);
        ThrowIfClosed();
        KvMetrics.Operation(KvMetrics.OperationKinds.List, KvMetrics.Outcomes.Ok);
        return ReadPageAsync(plan, range, KvListPager.FirstPageSize(plan), ConsistencyOf(options), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<KvEntry> ListAsync(KvListSelector selector, KvListOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Validate now, so bad input fails at the call rather than at the first MoveNextAsync.
        var plan = KvListPlan.Create(selector, options);
        var range = plan.RangeAfter(options?.Cursor);
        ThrowIfClosed();
        KvMetrics.Operation(KvMetrics.OperationKinds.List, KvMetrics.Outcomes.Ok);
        var consistency = ConsistencyOf(options);
        return KvListPager.ReadAllAsync(
            plan, range, (rest, pageSize, ct) => new ValueTask<KvListPage>(ReadPageAsync(plan, rest, pageSize, consistency, ct)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CountAsync(KvListSelector selector, CancellationToken cancellationToken = default)
    {
        var plan = KvListPlan.Create(selector, options: null);
        ThrowIfClosed();
        return _reader.CountAsync(plan.Start, plan.End, NowMs(), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> SkipAsync(KvListSelector selector, long count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var plan = KvListPlan.Create(selector, options: null);
        ThrowIfClosed();
        if (count == 0)
        {
            return "";
        }

        // The cursor names the last key skipped, so a list resumed from it starts at key number `count`.
        var lastSkipped = await _reader.KeyAtAsync(plan.Start, plan.End, count - 1, NowMs(), cancellationToken).ConfigureAwait(false);
        return lastSkipped is null ? null : plan.CursorFor(lastSkipped);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<KvEntry>>> ReadRawRangesAsync(
        IReadOnlyList<KvRawRange> ranges, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default)
    {
        KvValidation.RawRanges(ranges);
        ThrowIfClosed();
        _usage.CountRawRanges(ranges);
        return await ReadAsync(consistency, reader => reader.RangesAsync(ranges, NowMs(), cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<Versionstamp> SetAsync(KvKey key, KvValue value, TimeSpan? expireIn = null, CancellationToken cancellationToken = default) =>
        KvSingleMutation.SetAsync(this, key, value, expireIn, cancellationToken);

    /// <inheritdoc />
    public Task<Versionstamp> DeleteAsync(KvKey key, CancellationToken cancellationToken = default) =>
        KvSingleMutation.DeleteAsync(this, key, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Validated before it is queued; cancellation is honoured only until then (once queued it commits or not).</remarks>
    public Task<KvCommitResult> CommitAsync(KvAtomicWrite write, CancellationToken cancellationToken = default)
    {
        var request = KvCommitRequest.Atomic(write, cancellationToken);
        ThrowIfClosed();
        return _writer.SubmitAsync(request);
    }

    /// <inheritdoc />
    public Task<KvCommitResult> CommitBulkAsync(KvAtomicWrite write, CancellationToken cancellationToken = default)
    {
        var request = KvCommitRequest.Bulk(write, cancellationToken);
        ThrowIfClosed();
        return _writer.SubmitAsync(request);
    }

    /// <inheritdoc />
    public async Task<KvStoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        var stats = await _reader.StatsAsync(cancellationToken).ConfigureAwait(false);
        _writer.Stats = stats;
        return stats;
    }

    /// <inheritdoc />
    public async Task<bool> RemembersDeletionsAfterAsync(Versionstamp after, CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        return PostgresEntryReader.Remembers(await _reader.DeletionHorizonAsync(cancellationToken).ConfigureAwait(false), after.CommitVersion);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<KvDeletion> ReadDeletionsAsync(KvListSelector selector, Versionstamp after, CancellationToken cancellationToken = default)
    {
        var plan = KvListPlan.Create(selector, null);
        ThrowIfClosed();
        return ReadDeletionPagesAsync(plan, after.CommitVersion, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Driven by the change feed (<see cref="KvWatchLoop"/>), which carries every node's commits; each snapshot is one
    /// read of the primary.
    /// </remarks>
    public IAsyncEnumerable<IReadOnlyList<KvEntry>> WatchAsync(IReadOnlyList<KvKey> keys, CancellationToken cancellationToken = default) =>
        KvWatchLoop.Start(_feed, _options.ChangeFeedBufferSize, keys, ReadWatchedAsync, () => IsClosed, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The subscription starts at this call (not at the first MoveNextAsync), so no change after it is missed.</remarks>
    public IAsyncEnumerable<KvChange> ChangesAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        return KvChangeFeedReader.Subscribe(_feed, _options.ChangeFeedBufferSize, cancellationToken);
    }

    /// <summary>Removes the rows expired by now (one batch); returns how many. The sweeper calls this when due.</summary>
    internal Task<int> SweepExpiredAsync() => _writer.SweepAsync();

    /// <summary>Closes the store: queued commits finish, feeds and watches end; the database closes if it is the store's own.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _writer.ExpiryKnown -= OnExpiryKnown;
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        _database.Listener.Remove(_pump);
        await _pump.DisposeAsync().ConfigureAwait(false);
        _feed.Complete();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }

    private bool IsClosed => Volatile.Read(ref _closed) != 0;

    private void ThrowIfClosed()
    {
        if (IsClosed)
        {
            throw new KvException(KvErrorCode.StoreClosed);
        }
    }

    private long NowMs() => _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The writer learned an expiry: one a commit set (wakes the sweeper if sooner), or the earliest a sweep left.</summary>
    private void OnExpiryKnown(long expiryMs, bool replaces)
    {
        if (replaces)
        {
            _sweeper.EarliestLeft(expiryMs);
        }
        else
        {
            _sweeper.ExpirySet(expiryMs);
        }
    }

    /// <summary>
    /// Runs a read where its consistency allows: an eventual one on the replica while it serves, and on the primary
    /// when it does not or fails mid-read (lost since its last probe) — eventual reads fall back, they are not refused.
    /// </summary>
    private async Task<T> ReadAsync<T>(KvConsistency consistency, Func<PostgresEntryReader, Task<T>> read)
    {
        if (consistency == KvConsistency.Eventual && _replicaReader is not null && _database.Replica!.IsServing)
        {
            try
            {
                return await read(_replicaReader).ConfigureAwait(false);
            }
            catch (KvException e) when (e.Code == KvErrorCode.StorageUnavailable)
            {
                // The primary answers this one; the monitor's next probe takes the replica out of service.
            }
        }

        return await read(_reader).ConfigureAwait(false);
    }

    private static KvConsistency ConsistencyOf(KvListOptions? options) => options?.Consistency ?? KvConsistency.Strong;

    /// <summary>One page in one snapshot: one statement reading one row more than the page, to know if any follow.</summary>
    private async Task<KvListPage> ReadPageAsync(
        KvListPlan plan, (byte[] Start, byte[] End) range, int pageSize, KvConsistency consistency, CancellationToken cancellationToken)
    {
        _usage.Listed();
        var rows = await ReadAsync(consistency, reader => reader.RangeAsync(range.Start, range.End, plan.Reverse, pageSize + 1, NowMs(), cancellationToken))
            .ConfigureAwait(false);
        return KvListPager.PageOf(plan, rows, pageSize);
    }

    private async IAsyncEnumerable<KvDeletion> ReadDeletionPagesAsync(
        KvListPlan plan, ulong after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var afterKey = Array.Empty<byte>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await _reader.DeletionsPageAsync(afterKey, plan.Start, plan.End, after, DeletionPageSize, NowMs(), cancellationToken)
                .ConfigureAwait(false) ?? throw new KvException(KvErrorCode.DeletionsForgotten);
            foreach (var deletion in page)
            {
                yield return deletion;
            }

            if (page.Count < DeletionPageSize)
            {
                yield break;
            }

            afterKey = page[^1].Key.Encode();
        }
    }

    private async ValueTask<IReadOnlyList<KvEntry>> ReadWatchedAsync(KvKey[] keys, CancellationToken cancellationToken) =>
        await _reader.GetManyAsync(keys, NowMs(), cancellationToken).ConfigureAwait(false);
}
