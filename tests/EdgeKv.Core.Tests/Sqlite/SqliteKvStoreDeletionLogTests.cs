using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Conformance;
using EdgeKv.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Sqlite;

/// <summary>The deletion log's conformance suite on SQLite, and what only SQLite has: store files from before the log.</summary>
public sealed class SqliteKvStoreDeletionLogTests : KvStoreDeletionLogConformance<SqliteTestBackend>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_StoreFromBeforeTheDeletionLog_RemembersOnlyFromItsCurrentVersion()
    {
        using var directory = new TempDirectory();
        var path = directory.File("old.kv.sqlite");
        CreateSchemaOneStore(path, lastVersion: 7);

        await using var store = SqliteKvStore.Open(path);

        Assert.False(await store.RemembersDeletionsAfterAsync(Versionstamp.FromCommitVersion(6), _ct));
        Assert.True(await store.RemembersDeletionsAfterAsync(Versionstamp.FromCommitVersion(7), _ct));
        var deleted = await store.DeleteAsync(K("users", "old"), _ct);
        Assert.Equal(
            [new KvDeletion(K("users", "old"), deleted)],
            await Collect(store.ReadDeletionsAsync(Users, Versionstamp.FromCommitVersion(7), _ct)));
    }

    /// <summary>A store file as the engine wrote it before migration 2: one key, meta at <paramref name="lastVersion"/>.</summary>
    private static void CreateSchemaOneStore(string path, long lastVersion)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "CREATE TABLE schema_version (id INTEGER PRIMARY KEY CHECK (id = 0), version INTEGER NOT NULL);" +
            "INSERT INTO schema_version VALUES (0, 1);" + SqliteSchema.StoreMigrations[0] +
            "UPDATE meta SET version = $version, key_count = 1, stored_bytes = length($k) + 1;" +
            "INSERT INTO kv (k, v, encoding, version) VALUES ($k, X'61', 2, $version);";
        command.Parameters.AddWithValue("$version", lastVersion);
        command.Parameters.AddWithValue("$k", K("users", "old").Encode());
        command.ExecuteNonQuery();
    }
}
