using EdgeKv.Core;
using EdgeKv.Storage.Postgres;

namespace EdgeKv.Domain.Storage;

/// <summary>
/// The one test of "the storage is unavailable right now" for every surface that answers programs (the HTTP API, KV
/// Connect, the watch hub, functions' binding calls): an engine error coded <see cref="KvErrorCode.StorageUnavailable"/>,
/// or a failure of the admin database's or the engine's PostgreSQL server that another try may not meet
/// (<see cref="PostgresUnavailability"/>), however EF Core or the engine wrapped it. Such a request changed nothing
/// that was acknowledged, so it is answered with the engine's message (<see cref="KvErrors.StorageUnavailable"/>) and
/// the client may try again. SQLite's files do not go away; a SQLite failure is not an outage.
/// </summary>
public static class StorageUnavailability
{
    /// <summary>The <c>Retry-After</c> (seconds) of every answer that says so: a restarting server is back within seconds.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>True when <paramref name="exception"/> (or what it wraps) means the storage cannot be used right now.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is KvException { Code: KvErrorCode.StorageUnavailable })
            {
                return true;
            }
        }

        return PostgresUnavailability.IsUnavailable(exception);
    }
}
