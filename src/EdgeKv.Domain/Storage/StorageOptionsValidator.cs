using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EdgeKv.Domain.Storage;

/// <summary>
/// Refuses a storage configuration that cannot work, at start-up, with a message naming the setting to fix: an
/// unknown provider, a connection string of the other provider's form, an engine backend this build lacks, or a read
/// replica that is not a PostgreSQL one of the PostgreSQL engine, or whose lag bound is not a sensible time.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <summary>The start-up message when the provider is not one of the two.</summary>
    public const string UnknownProvider = "EdgeKv:Storage:Provider must be Sqlite or Postgres.";

    /// <summary>The start-up message when the engine backend is not one of the two.</summary>
    public const string UnknownEngine = "EdgeKv:Storage:Engine must be Sqlite or Postgres.";

    /// <summary>The start-up message when PostgreSQL is chosen without a PostgreSQL connection string.</summary>
    public const string PostgresNeedsConnectionString =
        "EdgeKv:Storage:Provider is Postgres: set ConnectionStrings:Admin to a PostgreSQL connection string, e.g. Host=127.0.0.1;Port=5432;Database=edgekv;Username=edgekv;Password=….";

    /// <summary>The start-up message when the engine is on PostgreSQL without a PostgreSQL connection string for it.</summary>
    public const string PostgresEngineNeedsConnectionString =
        "EdgeKv:Storage:Engine is Postgres: set ConnectionStrings:Kv (or put the admin database on PostgreSQL, whose connection string the engine then shares) to a PostgreSQL connection string, e.g. Host=127.0.0.1;Port=5432;Database=edgekv;Username=edgekv;Password=….";

    /// <summary>The start-up message when SQLite is chosen with a connection string SQLite cannot read.</summary>
    public const string SqliteNeedsConnectionString =
        "EdgeKv:Storage:Provider is Sqlite: ConnectionStrings:Admin must be a SQLite connection string, e.g. Data Source=data/admin.db (for PostgreSQL set EdgeKv:Storage:Provider to Postgres).";

    /// <summary>The start-up message when the replica's lag bound is not a time from 1 s to 1 day.</summary>
    public const string InvalidMaxReplicaLag =
        "EdgeKv:Storage:MaxReplicaLag must be a time from 00:00:01 (1 s) to 1.00:00:00 (1 day), e.g. 00:01:00 for 60 s.";

    /// <summary>The start-up message when the replica's connection string is not a PostgreSQL one.</summary>
    public const string ReplicaNeedsConnectionString =
        "ConnectionStrings:KvReplica must be a PostgreSQL connection string of a streaming replica of the engine's database, e.g. Host=127.0.0.1;Port=5433;Database=edgekv;Username=edgekv;Password=….";

    /// <summary>The start-up message when a replica is given to an engine that is not on PostgreSQL.</summary>
    public const string ReplicaNeedsPostgresEngine =
        "ConnectionStrings:KvReplica is set but the KV engine is not on PostgreSQL: a read replica serves only the PostgreSQL engine (EdgeKv:Storage:Engine=Postgres).";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var provider = StorageOptions.Parse(options.Provider);
        if (provider is null)
        {
            failures.Add(UnknownProvider);
        }
        else if (provider == StorageProvider.Postgres && !IsPostgres(options.AdminConnectionString))
        {
            failures.Add(PostgresNeedsConnectionString);
        }
        else if (provider == StorageProvider.Sqlite && !IsSqlite(options.EffectiveAdminConnectionString))
        {
            failures.Add(SqliteNeedsConnectionString);
        }

        var engine = StorageOptions.Parse(options.Engine);
        if (engine is null)
        {
            failures.Add(UnknownEngine);
        }
        else if (!KvRegistryFactory.IsAvailable(engine.Value))
        {
            failures.Add(KvRegistryFactory.UnavailableMessage(engine.Value));
        }
        else if (provider is not null && options.EngineProvider == StorageProvider.Postgres && !IsPostgres(options.EffectiveKvConnectionString))
        {
            failures.Add(PostgresEngineNeedsConnectionString);
        }

        if (StorageOptions.ParseLag(options.MaxReplicaLag) is null)
        {
            failures.Add(InvalidMaxReplicaLag);
        }

        if (!string.IsNullOrWhiteSpace(options.KvReplicaConnectionString))
        {
            if (!IsPostgres(options.KvReplicaConnectionString))
            {
                failures.Add(ReplicaNeedsConnectionString);
            }
            else if (engine is not null && options.EngineProvider != StorageProvider.Postgres)
            {
                failures.Add(ReplicaNeedsPostgresEngine);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A host to connect to, and every keyword one Npgsql knows ("Data Source" is not one).
    private static bool IsPostgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Every keyword one Microsoft.Data.Sqlite knows ("Host" is not one), and a data source.
    private static bool IsSqlite(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
