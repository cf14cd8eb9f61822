using EdgeKv.Testing.Postgres;
using Npgsql;

namespace EdgeKv.Core.Tests.Postgres;

/// <summary>
/// One PostgreSQL server for the whole test assembly, started by the first test that needs it (the server stops and
/// its folder goes when the test process exits). Each test gets databases of its own, dropped after it.
/// </summary>
internal static class SharedPostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(PostgresServer.StartAsync);

    public static Task<PostgresServer> GetAsync() => Server.Value;

    /// <summary>A fresh, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync() => await (await GetAsync()).CreateDatabaseAsync();

    /// <summary>Drops a test's database, ending any session still on it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await GetAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
