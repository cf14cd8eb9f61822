using EdgeKv.Core;
using EdgeKv.Core.BackendKit;
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
    private readonly KvOpenStores<PostgresKvStore> _open;

    /// <summary>
    /// Connects to the database of <paramref name="options"/>, migrating its schema, and starts listening for other
    /// nodes' commits. Stores count their operations into <paramref name="usage"/> (a meter of its own when none is given).
    /// </summary>
    public PostgresKvStoreRegistry(PostgresKvStoreOptions options, KvUsageMeter? usage = null)
    {
        Usage = usage ?? new KvUsageMeter();
        _open = new KvOpenStores<PostgresKvStore>(this);
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
    public IReadOnlyDictionary<string, KvStoreStats> OpenStoreStats() => _open.Stats(static store => store.CurrentStats);

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
            KvValidation.BudgetGroup(budgetGroup);
        }

        return _open.LockedAsync<IKvStore>(async () =>
        {
            var ns = await PostgresCatalog.AddAsync(_database.DataSource, namespaceId, budgetGroup, cancellationToken).ConfigureAwait(false)
                ?? throw new KvException(KvErrorCode.NamespaceExists);
            var store = await OpenStoreAsync(ns, cancellationToken).ConfigureAwait(false);
            _open.Add(ns.Name, store);
            return store;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IKvStore> OpenAsync(string namespaceId, CancellationToken cancellationToken = default)
    {
        KvValidation.NamespaceId(namespaceId);
        return _open.OpenAsync(namespaceId, async () =>
        {
            var ns = await PostgresCatalog.FindAsync(_database.DataSource, namespaceId, cancellationToken).ConfigureAwait(false)
                ?? throw new KvException(KvErrorCode.NamespaceNotFound);
            return await OpenStoreAsync(ns, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteNamespaceAsync(string namespaceId, CancellationToken cancellationToken = default)
    {
        KvValidation.NamespaceId(namespaceId);
        return _open.LockedAsync(async () =>
        {
            if (_open.Remove(namespaceId) is { } store)
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
        KvValidation.BudgetGroup(budgetGroup);
        KvValidation.BudgetLimit(limitBytes);
        _open.ThrowIfClosed();
        return PostgresCatalog.SetBudgetAsync(_database.DataSource, budgetGroup, limitBytes, cancellationToken);
    }

    /// <inheritdoc />
    public Task<KvBudgetUsage> GetBudgetUsageAsync(string budgetGroup, CancellationToken cancellationToken = default)
    {
        KvValidation.BudgetGroup(budgetGroup);
        _open.ThrowIfClosed();
        return PostgresCatalog.GetBudgetAsync(_database.DataSource, budgetGroup, cancellationToken);
    }

    /// <summary>Closes every open store, the change listener and the connection pool.</summary>
    public ValueTask DisposeAsync() => _open.CloseAsync(_database.DisposeAsync);

    /// <summary>Opens the store of a namespace known to exist, on this registry's database (the caller keeps it).</summary>
    private Task<PostgresKvStore> OpenStoreAsync(PostgresNamespace ns, CancellationToken cancellationToken) =>
        PostgresKvStore.OpenAsync(_database, ownsDatabase: false, ns, Usage.CountersFor(ns.Name), cancellationToken);
}
