using Microsoft.Data.Sqlite;

namespace EdgeKv.Core.Sqlite;

/// <summary>
/// The schemas of a store file and of the registry's catalog, each an ordered list of migrations. Opening a database
/// applies, in one transaction, every migration after the version recorded in <c>schema_version</c>, then records the
/// new version. Never edit a shipped migration: append a new one.
/// </summary>
internal static class SqliteSchema
{
    public static readonly string[] StoreMigrations =
    [
        // 1: the key-value rows (clustered on the encoded key, so a list is one ordered range scan) and the meta row.
        """
        CREATE TABLE kv (
          k BLOB NOT NULL PRIMARY KEY,
          v BLOB NOT NULL,
          encoding INTEGER NOT NULL,
          version INTEGER NOT NULL,
          expires_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX kv_expires_at ON kv (expires_at) WHERE expires_at IS NOT NULL;
        CREATE TABLE meta (
          id INTEGER PRIMARY KEY CHECK (id = 0),
          version INTEGER NOT NULL,
          key_count INTEGER NOT NULL,
          stored_bytes INTEGER NOT NULL
        );
        INSERT INTO meta (id, version, key_count, stored_bytes) VALUES (0, 0, 0, 0);
        """,

        // 2: the keys deleted recently and the version each was deleted at, so a watch resumed from a versionstamp
        // can report what disappeared while it was away. Bounded: the oldest are forgotten first, and
        // deletions_kept_after says after which version every deletion is still known. A store migrated from 1 knows
        // none of its earlier deletions, so that starts at its current version.
        """
        CREATE TABLE kv_deleted (
          k BLOB NOT NULL PRIMARY KEY,
          version INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX kv_deleted_version ON kv_deleted (version);
        ALTER TABLE meta ADD COLUMN deletions_kept_after INTEGER NOT NULL DEFAULT 0;
        UPDATE meta SET deletions_kept_after = version;
        """,
    ];

    public static readonly string[] CatalogMigrations =
    [
        // 1: the namespaces of a data directory, each optionally in a budget group, and the groups' byte limits.
        """
        CREATE TABLE namespaces (
          id TEXT NOT NULL PRIMARY KEY,
          budget_group TEXT,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE budgets (
          budget_group TEXT NOT NULL PRIMARY KEY,
          limit_bytes INTEGER NOT NULL
        );
        """,
    ];

    /// <summary>Brings the database on <paramref name="connection"/> to the latest of <paramref name="migrations"/>, atomically.</summary>
    public static void Migrate(SqliteConnection connection, string[] migrations)
    {
        Execute(connection, SqliteStatements.BeginWrite);
        try
        {
            Execute(connection, SqliteStatements.CreateSchemaVersionTable);
            using var get = connection.CreateCommand();
            get.CommandText = SqliteStatements.GetSchemaVersion;
            var current = get.ExecuteScalar() is long v ? (int)v : 0;
            if (current > migrations.Length)
            {
                throw new InvalidOperationException(
                    $"The database's schema version {current} is newer than this engine's {migrations.Length}.");
            }

            for (var version = current + 1; version <= migrations.Length; version++)
            {
                Execute(connection, migrations[version - 1]);
            }

            using var set = connection.CreateCommand();
            set.CommandText = SqliteStatements.SetSchemaVersion;
            set.Parameters.AddWithValue("$version", migrations.Length);
            set.ExecuteNonQuery();
            Execute(connection, SqliteStatements.Commit);
        }
        catch
        {
            Execute(connection, SqliteStatements.Rollback);
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
