using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace EdgeKv.Domain.Tests.Infrastructure;

/// <summary>
/// Holds two racing transactions at their write (the first command whose text contains <paramref name="write"/>)
/// until the race is decided one way or the other: both arrived there (each passed its checks before either wrote:
/// nothing serialized them) or the other one waits on a PostgreSQL lock (something serialized them). So the worst
/// interleaving happens every run, not by chance, and no test waits a fixed time. Armed only for the race itself.
/// </summary>
internal sealed class RaceGate(string write, string serverConnectionString) : DbCommandInterceptor
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HashSet<int> _racers = [];
    private readonly HashSet<int> _arrived = [];
    private volatile bool _armed;

    /// <summary>How many racers found the other one at the write too (2 when nothing serialized them).</summary>
    public int BothArrived { get; private set; }

    /// <summary>From now on, commands count: the two racers' sessions are the ones that send them.</summary>
    public void Arm() => _armed = true;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await PassAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await PassAsync(command, cancellationToken);
        return result;
    }

    private async Task PassAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (!_armed || command.Connection is not NpgsqlConnection { ProcessID: var self })
        {
            return;
        }

        lock (_racers)
        {
            _racers.Add(self);
            if (!command.CommandText.Contains(write, StringComparison.Ordinal) || !_arrived.Add(self))
            {
                return;
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        while (true)
        {
            int[] others;
            lock (_racers)
            {
                if (_arrived.Count == 2)
                {
                    BothArrived++;
                    return;
                }

                others = [.. _racers.Where(pid => pid != self)];
            }

            if (others.Length > 0 && await AnyWaitsOnALockAsync(others, timeout.Token))
            {
                return;
            }

            // Polls the server's own view of its sessions; each round is a query, not a guess at how long to wait.
            await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
        }
    }

    private async Task<bool> AnyWaitsOnALockAsync(int[] pids, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(@pids) AND wait_event_type = 'Lock'", connection);
        query.Parameters.AddWithValue("pids", pids);
        return (long)(await query.ExecuteScalarAsync(cancellationToken))! > 0;
    }
}
