using System.Globalization;
using System.Text;
using EdgeKv.Testing.Postgres;
using Npgsql;

namespace EdgeKv.Bench.Writers;

/// <summary>
/// Where the server's time goes, per statement (<c>--statements</c>): the run's server is restarted with
/// pg_stat_statements loaded, its counters are reset just before the measured seconds, and afterwards the statements
/// are listed by total execution time with their calls per acknowledged write. Execution only: parsing and planning
/// (saved by prepared statements) and the COMMIT's WAL flush are not in <c>total_exec_time</c>.
/// </summary>
internal sealed class StatementStats(string connectionString)
{
    public static async Task<StatementStats> EnableAsync(PostgresServer server, string connectionString)
    {
        await File.AppendAllTextAsync(
            Path.Combine(server.DataDirectory, "postgresql.conf"),
            "\nshared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\n");
        await server.StopAsync();
        await server.StartAgainAsync();
        await ExecuteAsync(connectionString, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return new StatementStats(connectionString);
    }

    public Task ResetAsync() => ExecuteAsync(connectionString, "SELECT pg_stat_statements_reset()");

    /// <summary>The statements of the measured seconds as a Markdown table, the most expensive first.</summary>
    public async Task<string> RenderAsync(long writes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements " +
            "WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 12", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var table = new StringBuilder();
        table.AppendLine("| statement | calls per 1,000 writes | µs per call | µs per write | rows per call |");
        table.AppendLine("|---|---:|---:|---:|---:|");
        while (await reader.ReadAsync())
        {
            var (calls, totalMs, rows, query) = (reader.GetInt64(0), reader.GetDouble(1), reader.GetInt64(2), reader.GetString(3));
            var text = query.Length > 90 ? query[..90] + "…" : query;
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{text.Replace("|", "\\|", StringComparison.Ordinal)}` | {calls * 1000.0 / writes:F1} | {totalMs * 1000 / calls:F1} | {totalMs * 1000 / writes:F1} | {(double)rows / calls:F1} |"));
        }

        return table.ToString();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
