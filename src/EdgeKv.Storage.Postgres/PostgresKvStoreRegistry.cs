using System.Collections.Concurrent;
using EdgeKv.Core;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Replication;
using EdgeKv.Core.Store;
using EdgeKv.Core.Usage;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// The namespaces of one PostgreSQL database, shared by every node that opens a registry on it: the catalog and the
/// budget groups live in the database (<see cref="PostgresCatalog"/>), so a namespace created on one node opens on
/// every other, and a group's limit holds inside every commit of every node. Each node keeps one store per namespace
/// it has used open, one connection pool and one change listener. Thread-safe.
/// </summary>
public sealed class PostgresKvStoreRegistry : IKvStoreRegistry
{
    private readonly PostgresKvDatabase _database;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, PostgresKvStore> _open = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>
    /// Connects to the database of <paramref name="options"/>, migrating its schema, and starts listening for other
    /// nodes' commits. Stores count their operations into <paramref name="usage"/> (a meter of its own when none is given).
    /// </summary>
    public PostgresKvStoreRegistry(PostgresKvStoreOptions options, KvUsageMeter? usage = null)
    {
        Usage = usage ?? new KvUsageMeter();
        _database = PostgresKvDatabase.Open(options);
    }

    /// <inheritdoc />
    /// <remarks>Measured every <see cref="PostgresKvStoreOptions.ReplicaProbeInterval"/> when a replica is configured (ADR 0014).</remarks>
    public KvReplicaState Replica => _database.Replica?.State ?? KvReplicaState.NotConfigured;

    /// <summary>
    /// <see cref="Replica"/> after the replica's next measurement (at most one probe interval away), to wait for a change
    /// of state without polling; <see cref="KvReplicaState.NotConfigured"/> at once without a replica.
    /// </summary>
    public Task<KvReplicaState> NextReplicaMeasurementAsync(CancellationToken cancellationToken = default) =>
        _database.Replica?.NextMeasurementAsync(cancellationToken) ?? Task.FromResult(KvReplicaState.NotConfigured);

    /// <inheritdoc />
    public KvUsageMeter Usage { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, KvStoreStats> OpenStoreStats() =>
        _open.ToDictionary(pair => pair.Key, pair => pair.Value.CurrentStats, StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>Asks the database (another node may have created or deleted it).</remarks>
    public bool Exists(string namespaceId) =>
        KvValidation.IsValidNamespaceId(namespaceId) && PostgresCatalog.Exists(_database.DataSource, namespaceId);

    /// <inheritdoc />
    public IReadOnlyList<string> ListNamespaces() => PostgresCatalog.List(_database.DataSource);

    /// <inheritdoc />
    public Task<IKvStore> CreateNamespaceAsync(string namespaceId, string? budgetGroup = null, CancellationToken cancellationToken = default)
    {
        KvValidation.NamespaceId(namespaceId);
        if (budgetGroup is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(budgetGroup);
        }

        return LockedAsync<IKvStore>(async () =>
        {
            var ns = await PostgresCatalog.AddAsync(_database.DataSource, namespaceId, budgetGroup, cancellationToken).ConfigureAwait(false)
                ?? throw new KvException(KvErrorCode.NamespaceExists);
            return await OpenStoreAsync(ns, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IKvStore> OpenAsync(string namespaceId, CancellationToken cancellationToken = default)
    {
        KvValidation.NamespaceId(namespaceId);
        if (_open.TryGetValue(namespaceId, out var open))
        {
            return Task.FromResult<IKvStore>(open);
        }

        return LockedAsync<IKvStore>(async () =>
        {
            if (_open.TryGetValue(namespaceId, out var opened))
            {
                return opened;
            }

            var ns = await PostgresCatalog.FindAsync(_database.DataSource, namespaceId, cancellationToken).ConfigureAwait(false)
                ?? throw new KvException(KvErrorCode.NamespaceNotFound);
            return await OpenStoreAsync(ns, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteNamespaceAsync(string namespaceId, CancellationToken cancellationToken = default)
    {
        KvValidation.NamespaceId(namespaceId);
        return LockedAsync(async () =>
        {
            if (_open.TryRemove(namespaceId, out var store))
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }

            await PostgresCatalog.RemoveAsync(_database.DataSource, namespaceId, cancellationToken).ConfigureAwait(false);
            Usage.Forget(namespaceId);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<KvStoreStats> GetStatsAsync(string namespaceId, CancellationToken cancellationToken = default)
    {
        var store = await OpenAsync(namespaceId, cancellationToken).ConfigureAwait(false);
        return await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task SetBudgetAsync(string budgetGroup, long? limitBytes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(budgetGroup);
        if (limitBytes is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limitBytes), limitBytes, "A byte limit cannot be negative.");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        return PostgresCatalog.SetBudgetAsync(_database.DataSource, budgetGroup, limitBytes, cancellationToken);
    }

    /// <inheritdoc />
    public Task<KvBudgetUsage> GetBudgetUsageAsync(string budgetGroup, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(budgetGroup);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return PostgresCatalog.GetBudgetAsync(_database.DataSource, budgetGroup, cancellationToken);
    }

    /// <summary>Closes every open store, the change listener and the connection pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var store in _open.Values)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }

            _open.Clear();
            await _database.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<PostgresKvStore> OpenStoreAsync(PostgresNamespace ns, CancellationToken cancellationToken)
    {
        var store = await PostgresKvStore.OpenAsync(_database, ownsDatabase: false, ns, Usage.CountersFor(ns.Name), cancellationToken)
            .ConfigureAwait(false);
        _open[ns.Name] = store;
        return store;
    }

    /// <summary>Runs <paramref name="action"/> under the registry's lock, refusing once disposed.</summary>
    private async Task<T> LockedAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
