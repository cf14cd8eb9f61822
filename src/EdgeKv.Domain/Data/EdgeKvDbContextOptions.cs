using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Data;

/// <summary>How every <see cref="EdgeKvDbContext"/> is configured: SQLite, migrations from EdgeKv.Migrations.</summary>
public static class EdgeKvDbContextOptions
{
    /// <summary>The connection string used when configuration has none.</summary>
    public const string DefaultConnectionString = "Data Source=data/admin.db";

    /// <summary>Configures <paramref name="builder"/> for SQLite at <paramref name="connectionString"/>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(EdgeKvDbContext.MigrationsAssembly));

    /// <summary>Options for a context on <paramref name="connectionString"/> (tools and tests).</summary>
    public static DbContextOptions<EdgeKvDbContext> Create(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<EdgeKvDbContext>();
        Configure(builder, connectionString);
        return builder.Options;
    }
}
