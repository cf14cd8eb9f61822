using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Conformance;
using EdgeKv.Storage.Postgres;

namespace EdgeKv.Core.Tests.Postgres;

/// <summary>
/// The PostgreSQL backend under the conformance suite: a database of the test's own on the assembly's shared server
/// (<see cref="SharedPostgresServer"/>), each store a namespace opened alone, the registry over the same database.
/// </summary>
public sealed class PostgresTestBackend : IKvTestBackend
{
    private readonly List<IAsyncDisposable> _opened = [];
    private string? _database;
    private int _stores;

    /// <inheritdoc />
    public async Task<KvTestStore> CreateStoreAsync(KvTestStoreOptions? options = null)
    {
        var store = new PostgresTestStore(ToPostgres(await DatabaseAsync(), options), $"store{++_stores}");
        await store.OpenAsync();
        _opened.Add(store);
        return store;
    }

    /// <inheritdoc />
    public async Task<IKvStoreRegistry> OpenRegistryAsync()
    {
        var options = ToPostgres(await DatabaseAsync(), null);
        var registry = await Task.Run(() => new PostgresKvStoreRegistry(options));
        _opened.Add(registry);
        return registry;
    }

    /// <summary>Closes whatever the test left open (disposing twice is harmless), then drops the database.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }

        if (_database is not null)
        {
            await SharedPostgresServer.DropDatabaseAsync(_database);
        }
    }

    private async Task<string> DatabaseAsync() => _database ??= await SharedPostgresServer.CreateDatabaseAsync();

    /// <summary>The backend's options for a test's request (short reconnect delay: tests restart the server).</summary>
    internal static PostgresKvStoreOptions ToPostgres(string connectionString, KvTestStoreOptions? options) => new()
    {
        ConnectionString = connectionString,
        Clock = options?.Clock ?? TimeProvider.System,
        RunsBackgroundSweeper = options?.RunsBackgroundSweeper ?? true,
        KeptDeletionBytes = options?.KeptDeletionBytes ?? 16 * 1024 * 1024,
        ChangeFeedBufferSize = options?.ChangeFeedBufferSize ?? 1024,
    };

    private sealed class PostgresTestStore(PostgresKvStoreOptions options, string ns) : KvTestStore
    {
        private PostgresKvStore? _store;

        public override IKvStore Store => _store!;

        public async Task OpenAsync() => _store = await PostgresKvStore.OpenAsync(options, ns);

        public override async Task<IKvStore> ReopenAsync()
        {
            await _store!.DisposeAsync();
            await OpenAsync();
            return _store!;
        }

        public override Task<int> SweepExpiredAsync() => _store!.SweepExpiredAsync();

        public override ValueTask DisposeAsync() => _store?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
