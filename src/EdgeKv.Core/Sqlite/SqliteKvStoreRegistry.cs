using System.Collections.Concurrent;
using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Replication;
using EdgeKv.Core.Store;
using EdgeKv.Core.Usage;

namespace EdgeKv.Core.Sqlite;

/// <summary>
/// The namespaces of one data directory: <c>catalog.db</c> (which namespaces exist, their budget groups and limits)
/// and one SQLite store per namespace, <c>&lt;id&gt;.kv.sqlite</c>, opened on first use and kept open until deleted or
/// disposed. Each budget group has one <see cref="KvByteBudget"/> shared by its stores' writers, initialised from the
/// stores' exact stats the first time the group is used, so limits hold across restarts. Thread-safe: changes are
/// serialized by one lock; opening an already-open store takes no lock.
/// </summary>
public sealed partial class SqliteKvStoreRegistry : IKvStoreRegistry
{
    private const string CatalogFileName = "catalog.db";
    private const string StoreFileSuffix = ".kv.sqlite";

    private readonly string _directory;
    private readonly SqliteKvStoreOptions _options;
    private readonly SqliteCatalog _catalog;
    private readonly KvOpenStores<SqliteKvStore> _open;

    // Mirrors of the catalog, changed only under _open's lock (the concurrent dictionary is for lock-free reads).
    private readonly ConcurrentDictionary<string, string?> _namespaces;
    private readonly Dictionary<string, long> _limits;
    private readonly Dictionary<string, KvByteBudget> _budgets = new(StringComparer.Ordinal);

    /// <summary>
    /// Opens the registry of <paramref name="dataDirectory"/>, creating the directory and catalog if missing. Its
    /// stores count their operations into <paramref name="usage"/> (a meter of its own when none is given).
    /// </summary>
    public SqliteKvStoreRegistry(string dataDirectory, SqliteKvStoreOptions? options = null, KvUsageMeter? usage = null)
    {
        Usage = usage ?? new KvUsageMeter();
        _open = new KvOpenStores<SqliteKvStore>(this);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        _directory = Path.GetFullPath(dataDirectory);
        _options = options ?? SqliteKvStoreOptions.Default;
        Directory.CreateDirectory(_directory);
        _catalog = new SqliteCatalog(Path.Combine(_directory, CatalogFileName));
        _namespaces = new ConcurrentDictionary<string, string?>(_catalog.LoadNamespaces(), StringComparer.Ordinal);
        _limits = _catalog.LoadBudgets();
    }

    /// <inheritdoc />
    /// <remarks>One file per namespace on this machine: there is no replica to read from.</remarks>
    public KvReplicaState Replica => KvReplicaState.NotConfigured;

    /// <inheritdoc />
    public KvUsageMeter Usage { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, KvStoreStats> OpenStoreStats() => _open.Stats(static store => store.CurrentStats);

    /// <inheritdoc />
    public bool Exists(string namespaceId) => IsValidId(namespaceId) && _namespaces.ContainsKey(namespaceId);

    /// <inheritdoc />
    public IReadOnlyList<string> ListNamespaces() => [.. _namespaces.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Closes every open store and the catalog.</summary>
    public ValueTask DisposeAsync() => _open.CloseAsync(() =>
    {
        _catalog.Dispose();
        return ValueTask.CompletedTask;
    });

    /// <summary>The file of a namespace's store.</summary>
    internal string StorePath(string namespaceId) => Path.Combine(_directory, namespaceId + StoreFileSuffix);

    /// <summary>Opens a namespace's store, charged to <paramref name="budget"/> and counted in <see cref="Usage"/>.</summary>
    private SqliteKvStore OpenStore(string namespaceId, KvByteBudget? budget) =>
        SqliteKvStore.Open(StorePath(namespaceId), _options, budget, Usage.CountersFor(namespaceId));

    private static void ValidateId(string namespaceId) => KvValidation.NamespaceId(namespaceId);

    private static bool IsValidId(string? id) => KvValidation.IsValidNamespaceId(id);
}
