using EdgeKv.Testing.Postgres;
using Npgsql;

namespace EdgeKv.Core.Tests.Postgres;

/// <summary>
/// The throwaway server the PostgreSQL tests stand on: it starts from Debian's binaries (as the postgres user when
/// the tests run as root), keeps a committed row across an immediate stop (a crash, for the data) and a restart.
/// </summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_committed_row_survives_an_immediate_stop_and_a_restart()
    {
        await using var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync();
        await ExecuteAsync(database, "CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')");

        await server.StopAsync(immediate: true);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(database, "SELECT 1"));
        await server.StartAgainAsync();

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var read = new NpgsqlCommand("SELECT v FROM t", connection);
        Assert.Equal("kept", await read.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        await using var settings = new NpgsqlCommand("SELECT current_setting('fsync') || ' ' || current_setting('listen_addresses')", connection);
        Assert.Equal("on 127.0.0.1", await settings.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
