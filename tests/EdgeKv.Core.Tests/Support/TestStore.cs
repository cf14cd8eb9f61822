using EdgeKv.Core.Sqlite;

namespace EdgeKv.Core.Tests.Support;

/// <summary>
/// A real SQLite store in its own temp directory, for the tests only SQLite has (files, checkpoints, the writer) and
/// the engine's parts above a store; backend-neutral tests take theirs from the conformance suite instead.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private TestStore(SqliteKvStoreOptions? options)
    {
        Options = options;
        Store = SqliteKvStore.Open(FilePath, options);
    }

    public SqliteKvStoreOptions? Options { get; }

    public SqliteKvStore Store { get; private set; }

    public string FilePath => _directory.File("test.kv.sqlite");

    public static TestStore Create(SqliteKvStoreOptions? options = null) => new(options);

    /// <summary>Closes the store and opens the same file again.</summary>
    public async Task<SqliteKvStore> ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = SqliteKvStore.Open(FilePath, Options);
        return Store;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
