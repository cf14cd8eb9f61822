using EdgeKv.Core;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// Turns the database's failures into the engine's coded errors: a server that is down, restarting or unreachable
/// (<see cref="PostgresUnavailability"/>, which includes a broken connection mid-statement) is
/// <see cref="KvErrorCode.StorageUnavailable"/>, with the cause kept as the inner exception.
/// </summary>
internal static class PostgresErrors
{
    public static bool IsStorageFailure(Exception exception) => PostgresUnavailability.IsUnavailable(exception);

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
