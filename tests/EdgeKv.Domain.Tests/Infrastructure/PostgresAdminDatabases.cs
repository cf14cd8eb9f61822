using EdgeKv.Testing.Postgres;
using Npgsql;

namespace EdgeKv.Domain.Tests.Infrastructure;

/// <summary>
/// The test run's PostgreSQL server (started on first use, stopped when the run ends) and its seeded template: a
/// database migrated and seeded once, copied by <c>CREATE DATABASE … TEMPLATE</c> for each test (migrating per test
/// would dominate the suite's time; the seeder still runs on each copy).
/// </summary>
internal static class PostgresAdminDatabases
{
    private const string TemplateName = "edgekv_seeded";
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync);

    /// <summary>The shared server.</summary>
    public static Task<PostgresServer> ServerAsync() => Server.Value;

    /// <summary>A fresh database, a copy of the seeded template; returns its connection string.</summary>
    public static async Task<string> CreateSeededAsync()
    {
        var server = await Server.Value;
        var name = "t" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE {TemplateName}", connection);
        await command.ExecuteNonQueryAsync();
        return server.ConnectionString(name);
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync();

        // No pooling for the template: a database being copied may have no other session open.
        var template = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync(TemplateName)) { Pooling = false }.ConnectionString;
        await DomainHost.SeedPostgresTemplateAsync(template);
        return server;
    }
}
