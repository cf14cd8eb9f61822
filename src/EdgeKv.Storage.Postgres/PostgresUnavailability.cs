using Npgsql;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// When a PostgreSQL failure means "the server cannot be used right now; the same call may succeed later": the one
/// definition for the engine's database (<see cref="PostgresErrors"/>) and the admin database (the domain's
/// <c>StorageUnavailability</c>). That is a connection that could not be made or broke (Npgsql's own exceptions,
/// whose causes are socket, stream and timeout failures), or the server saying it is shutting down, starting up,
/// out of connections or resources, or that this transaction lost a serialization race or a deadlock. Any other
/// server error (a constraint, a bad statement) is a fault of the request or of EdgeKv, not an outage.
/// </summary>
public static class PostgresUnavailability
{
    /// <summary>
    /// True when <paramref name="exception"/> or an exception it wraps (EF Core's <c>DbUpdateException</c>, its
    /// transient-failure and retry-limit errors, the engine's own wrapping) is such a failure.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case PostgresException server:
                    return IsUnavailableState(server.SqlState);
                case NpgsqlException:
                    return true;
            }
        }

        return false;
    }

    // SQLSTATE classes and codes (PostgreSQL's Appendix A): 08 connection exception, 53 insufficient resources
    // (too many connections, disk full, out of memory), 57P01-57P03 admin shutdown, crash shutdown, cannot connect now
    // (starting up or shutting down), 40001 serialization failure (also a standby cancelling a query that conflicts
    // with replay), 40P01 deadlock.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "40001" or "40P01";
}
