using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace EdgeKv.Migrations;

/// <summary>
/// Lets dotnet-ef make an <see cref="EdgeKvDbContext"/> without a host. The database it names is only touched by
/// commands that apply migrations (<c>dotnet ef database update</c>); adding a migration reads the model alone.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EdgeKvDbContext>
{
    /// <inheritdoc />
    public EdgeKvDbContext CreateDbContext(string[] args) =>
        new(EdgeKvDbContextOptions.Create(EdgeKvDbContextOptions.DefaultConnectionString));
}
