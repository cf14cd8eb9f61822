using Npgsql;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// One node's view of the backend's database: a pooled data source whose sessions commit synchronously, the schema
/// migrated on open, the one listening connection that brings other nodes' commits to this node's stores, and the
/// read replica with its monitor when one is configured. Shared by the registry and its stores (a store opened alone
/// owns one).
/// </summary>
internal sealed class PostgresKvDatabase : IAsyncDisposable
{
    private PostgresKvDatabase(NpgsqlDataSource dataSource, PostgresKvStoreOptions options)
    {
        DataSource = dataSource;
        Options = options;
        Listener = new PostgresChangeListener(dataSource, options);
        Replica = options.ReplicaConnectionString is { Length: > 0 } replica
            ? new PostgresReplicaMonitor(dataSource, NpgsqlDataSource.Create(WithoutResetOnClose(replica)), options)
            : null;
    }

    public NpgsqlDataSource DataSource { get; }

    public PostgresKvStoreOptions Options { get; }

    public PostgresChangeListener Listener { get; }

    /// <summary>The read replica, or null when none is configured.</summary>
    public PostgresReplicaMonitor? Replica { get; }

    // A connection going back to the pool is not reset: Npgsql's reset (RESET ALL, UNLISTEN *, advisory unlocks, DISCARD …)
    // is one more round trip and server work for every read, which doubled a key read's statements (seen in the
    // server's statement log under bench/cluster.sh's GET load). The engine leaves no session state to reset: its locks
    // and settings are transaction-scoped (pg_advisory_xact_lock, SET LOCAL), and the listener's LISTEN connection is
    // retired with the pool's idle ones when it fails (PostgresChangeListener).
    private static string WithoutResetOnClose(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;

    /// <summary>Connects, migrates the schema and starts listening for commits (synchronously: registries are built so).</summary>
    public static PostgresKvDatabase Open(PostgresKvStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxReplicaLag, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReplicaProbeInterval, PostgresKvStoreOptions.MinReplicaProbeInterval);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            // Durability does not depend on the server's default: every session commits synchronously. Prepared
            // statements keep one generic plan: left to choose, the server planned the key read afresh on every
            // execution (its plan depends on the keys array), which made a key read cost the primary 223 µs of CPU
            // instead of 125 µs (bench/cluster.sh's GET row). Every engine statement is a lookup or range on
            // (ns, k) or an index of its own, whose generic plan is the same index scan.
            Options = "-c synchronous_commit=on -c plan_cache_mode=force_generic_plan",

            // The same few statements run for every commit and read: prepared once per connection, the server
            // skips parsing and planning them (measured: see bench/README.md, concurrent writers).
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,

            // See WithoutResetOnClose (the replica's connections are not reset either).
            NoResetOnClose = true,
        };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            Migrate(dataSource);
        }
        catch (Exception e) when (PostgresErrors.IsStorageFailure(e))
        {
            dataSource.Dispose();
            throw PostgresErrors.Unavailable(e);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }

        var database = new PostgresKvDatabase(dataSource, options);
        try
        {
            database.Listener.Start();
            database.Replica?.Start();
            return database;
        }
        catch (Exception e) when (PostgresErrors.IsStorageFailure(e))
        {
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw PostgresErrors.Unavailable(e);
        }
        catch
        {
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Replica is not null)
        {
            await Replica.DisposeAsync().ConfigureAwait(false);
        }

        await Listener.DisposeAsync().ConfigureAwait(false);
        await DataSource.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Brings the schema to the latest migration, atomically, one node at a time.</summary>
    private static void Migrate(NpgsqlDataSource dataSource)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, PostgresStatements.LockMigrations, PostgresStatements.MigrationLockClass);
        Execute(connection, PostgresStatements.CreateSchemaVersionTable);
        using var get = new NpgsqlCommand(PostgresStatements.GetSchemaVersion, connection);
        var current = get.ExecuteScalar() is int v ? v : 0;
        var migrations = PostgresSchema.Migrations;
        if (current > migrations.Length)
        {
            throw new InvalidOperationException(
                $"The database's KV schema version {current} is newer than this engine's {migrations.Length}.");
        }

        for (var version = current + 1; version <= migrations.Length; version++)
        {
            Execute(connection, migrations[version - 1]);
        }

        Execute(connection, PostgresStatements.SetSchemaVersion, migrations.Length);
        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        command.ExecuteNonQuery();
    }
}
