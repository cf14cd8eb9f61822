using EdgeKv.Core;
using Npgsql;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// Turns the database's failures into the engine's coded errors: a server that is down, restarting or unreachable
/// (any <see cref="NpgsqlException"/>, which includes a broken connection mid-statement) is
/// <see cref="KvErrorCode.StorageUnavailable"/>, with the cause kept as the inner exception.
/// </summary>
internal static class PostgresErrors
{
    public static bool IsStorageFailure(Exception exception) =>
        exception is NpgsqlException or System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException;

    public static KvException Unavailable(Exception cause) => new(KvErrorCode.StorageUnavailable, cause);

    /// <summary>Runs a database call, rethrowing storage failures as <see cref="KvErrorCode.StorageUnavailable"/>.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw Unavailable(e);
        }
    }
}
