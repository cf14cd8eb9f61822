using EdgeKv.Domain.Storage;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Data;

/// <summary>
/// How every <see cref="EdgeKvDbContext"/> is configured: SQLite with the migrations of EdgeKv.Migrations, or
/// PostgreSQL with those of EdgeKv.Migrations.Postgres (one migrations set per provider: docs/adr/0011-*).
/// </summary>
public static class EdgeKvDbContextOptions
{
    /// <summary>The connection string used when configuration has none (SQLite).</summary>
    public const string DefaultConnectionString = StorageOptions.DefaultSqliteConnectionString;

    /// <summary>The assembly that holds the SQLite migrations.</summary>
    public const string SqliteMigrationsAssembly = "EdgeKv.Migrations";

    /// <summary>The assembly that holds the PostgreSQL migrations.</summary>
    public const string PostgresMigrationsAssembly = "EdgeKv.Migrations.Postgres";

    /// <summary>Configures <paramref name="builder"/> for SQLite at <paramref name="connectionString"/>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        Configure(builder, StorageProvider.Sqlite, connectionString);

    /// <summary>Configures <paramref name="builder"/> for <paramref name="provider"/> at <paramref name="connectionString"/>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StorageProvider provider, string connectionString) =>
        provider switch
        {
            StorageProvider.Postgres => builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
        };

    /// <summary>Options for a SQLite context on <paramref name="connectionString"/> (tools and tests).</summary>
    public static DbContextOptions<EdgeKvDbContext> Create(string connectionString) =>
        Create(StorageProvider.Sqlite, connectionString);

    /// <summary>Options for a context of <paramref name="provider"/> on <paramref name="connectionString"/> (tools and tests).</summary>
    public static DbContextOptions<EdgeKvDbContext> Create(StorageProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<EdgeKvDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
