using EdgeKv.Core.Registry;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Conformance;
using EdgeKv.Core.Tests.Support;

namespace EdgeKv.Core.Tests.Sqlite;

/// <summary>The SQLite backend under the conformance suite: real files in a temp directory of the test's own.</summary>
public sealed class SqliteTestBackend : IKvTestBackend
{
    private readonly TempDirectory _directory = new();
    private readonly List<IAsyncDisposable> _opened = [];
    private int _stores;

    /// <inheritdoc />
    public Task<KvTestStore> CreateStoreAsync(KvTestStoreOptions? options = null)
    {
        var store = new SqliteTestStore(_directory.File($"store{++_stores}.kv.sqlite"), ToSqlite(options));
        _opened.Add(store);
        return Task.FromResult<KvTestStore>(store);
    }

    /// <inheritdoc />
    public Task<IKvStoreRegistry> OpenRegistryAsync()
    {
        var registry = new SqliteKvStoreRegistry(_directory.File("registry"));
        _opened.Add(registry);
        return Task.FromResult<IKvStoreRegistry>(registry);
    }

    /// <summary>Closes whatever the test left open (disposing twice is harmless), then deletes the files.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }

        _directory.Dispose();
    }

    private static SqliteKvStoreOptions? ToSqlite(KvTestStoreOptions? options) => options is null ? null : new SqliteKvStoreOptions
    {
        Clock = options.Clock ?? TimeProvider.System,
        RunsBackgroundSweeper = options.RunsBackgroundSweeper,
        KeptDeletionBytes = options.KeptDeletionBytes ?? SqliteKvStoreOptions.Default.KeptDeletionBytes,
        ChangeFeedBufferSize = options.ChangeFeedBufferSize ?? SqliteKvStoreOptions.Default.ChangeFeedBufferSize,
    };

    private sealed class SqliteTestStore(string path, SqliteKvStoreOptions? options) : KvTestStore
    {
        private SqliteKvStore _store = SqliteKvStore.Open(path, options);

        public override IKvStore Store => _store;

        public override async Task<IKvStore> ReopenAsync()
        {
            await _store.DisposeAsync();
            _store = SqliteKvStore.Open(path, options);
            return _store;
        }

        public override Task<int> SweepExpiredAsync() => _store.SweepExpiredAsync();

        public override ValueTask DisposeAsync() => _store.DisposeAsync();
    }
}
