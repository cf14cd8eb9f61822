using EdgeKv.Core.Replication;
using EdgeKv.Core.Store;
using EdgeKv.Core.Usage;

namespace EdgeKv.Core.Registry;

/// <summary>
/// The namespaces of one backend, whatever it is: one <see cref="IKvStore"/> per namespace, opened on demand and kept
/// open until deleted or the registry is disposed (SQLite's is <see cref="Sqlite.SqliteKvStoreRegistry"/>: one file per
/// namespace and a catalog beside them). Callers (the domain, the APIs, the console) know only this interface. A namespace may belong to a budget group
/// (e.g. one account's namespaces); a group's byte limit is enforced inside every commit of its stores, so no
/// write can take the group past it (<see cref="KvQuotaExceededException"/>, nothing written). Thread-safe.
/// </summary>
public interface IKvStoreRegistry : IAsyncDisposable
{
    /// <summary>Creates a namespace's store, optionally in a budget group. Throws <see cref="KvErrors.NamespaceExists"/>.</summary>
    Task<IKvStore> CreateNamespaceAsync(string namespaceId, string? budgetGroup = null, CancellationToken cancellationToken = default);

    /// <summary>The open store of a namespace. Throws <see cref="KvErrors.NamespaceNotFound"/>.</summary>
    Task<IKvStore> OpenAsync(string namespaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The key count and stored bytes of every store open now (stores open on first use), without opening any and
    /// without touching disk: the writer's own figures, exact after each commit. For metrics.
    /// </summary>
    IReadOnlyDictionary<string, KvStoreStats> OpenStoreStats();

    /// <summary>
    /// What the namespaces' stores did (reads, list pages, committed writes and deletes, bytes written), counted in
    /// memory as they do it; a host drains it periodically to keep a usage history.
    /// </summary>
    KvUsageMeter Usage { get; }

    /// <summary>
    /// This node's read replica as last measured: where <see cref="KvConsistency.Eventual"/> reads go.
    /// <see cref="KvReplicaState.NotConfigured"/> for a backend or node without one.
    /// </summary>
    KvReplicaState Replica { get; }

    /// <summary>True when the namespace exists.</summary>
    bool Exists(string namespaceId);

    /// <summary>Closes the namespace's store and deletes its data. Throws <see cref="KvErrors.NamespaceNotFound"/>.</summary>
    Task DeleteNamespaceAsync(string namespaceId, CancellationToken cancellationToken = default);

    /// <summary>Every namespace id, in ordinal order.</summary>
    IReadOnlyList<string> ListNamespaces();

    /// <summary>Live keys and stored bytes of a namespace.</summary>
    Task<KvStoreStats> GetStatsAsync(string namespaceId, CancellationToken cancellationToken = default);

    /// <summary>Sets (or with null removes) a budget group's byte limit; persisted. Lowering it below use refuses further growth only.</summary>
    Task SetBudgetAsync(string budgetGroup, long? limitBytes, CancellationToken cancellationToken = default);

    /// <summary>A budget group's use and limit.</summary>
    Task<KvBudgetUsage> GetBudgetUsageAsync(string budgetGroup, CancellationToken cancellationToken = default);
}
