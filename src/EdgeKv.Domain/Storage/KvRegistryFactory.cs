using EdgeKv.Core.Registry;
using EdgeKv.Core.Sqlite;
using EdgeKv.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeKv.Domain.Storage;

/// <summary>
/// Makes the node's one engine registry for <c>EdgeKv:Storage:Engine</c>: SQLite files under the data directory, or the
/// PostgreSQL backend on <c>ConnectionStrings:Kv</c> (the admin database's when unset), which every node shares, with
/// this node's read replica (<c>ConnectionStrings:KvReplica</c>, bound <c>EdgeKv:Storage:MaxReplicaLag</c>) when given.
/// </summary>
public static class KvRegistryFactory
{
    /// <summary>Whether this build has an engine backend for <paramref name="engine"/>.</summary>
    public static bool IsAvailable(StorageProvider engine) => engine is StorageProvider.Sqlite or StorageProvider.Postgres;

    /// <summary>The start-up message for an engine backend this build lacks.</summary>
    public static string UnavailableMessage(StorageProvider engine) =>
        $"EdgeKv:Storage:Engine is {engine}, which this build has no engine backend for: use Sqlite (the admin database may still be on PostgreSQL).";

    /// <summary>The registry for the validated <paramref name="options"/>.</summary>
    public static IKvStoreRegistry Create(IServiceProvider services, StorageOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The engine reports its background failures (expiry sweep, checkpoint) through the host's logging.
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("EdgeKv.Core.Engine") ?? NullLogger.Instance;
        return options.EngineProvider switch
        {
            StorageProvider.Sqlite => new SqliteKvStoreRegistry(DataDirectory(configuration), SqliteKvStoreOptions.Default with { Logger = logger }),
            StorageProvider.Postgres => new PostgresKvStoreRegistry(new PostgresKvStoreOptions
            {
                ConnectionString = options.EffectiveKvConnectionString!,
                ReplicaConnectionString = options.KvReplicaConnectionString is { Length: > 0 } replica ? replica : null,
                MaxReplicaLag = options.EffectiveMaxReplicaLag,
                Logger = logger,
            }),
            _ => throw new InvalidOperationException(UnavailableMessage(options.EngineProvider)),
        };
    }

    private static string DataDirectory(IConfiguration configuration) =>
        configuration[$"{EdgeKvDomainOptions.SectionName}:DataDirectory"] is { Length: > 0 } configured
            ? configured
            : EdgeKvDomainOptions.DefaultDataDirectory;
}
