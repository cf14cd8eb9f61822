using EdgeKv.Domain.Data;
using EdgeKv.Domain.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace EdgeKv.Migrations.Postgres;

/// <summary>
/// Lets dotnet-ef make a PostgreSQL <see cref="EdgeKvDbContext"/> without a host. Adding a migration reads the model
/// alone and connects nowhere; commands that touch a database (<c>dotnet ef database update</c>) take the connection
/// string from the <c>EDGEKV_ADMIN_POSTGRES</c> environment variable.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EdgeKvDbContext>
{
    /// <summary>The connection string when the environment names none (never opened when adding a migration).</summary>
    public const string PlaceholderConnectionString = "Host=127.0.0.1;Database=edgekv;Username=edgekv";

    /// <inheritdoc />
    public EdgeKvDbContext CreateDbContext(string[] args) =>
        new(EdgeKvDbContextOptions.Create(
            StorageProvider.Postgres,
            Environment.GetEnvironmentVariable("EDGEKV_ADMIN_POSTGRES") is { Length: > 0 } configured ? configured : PlaceholderConnectionString));
}
