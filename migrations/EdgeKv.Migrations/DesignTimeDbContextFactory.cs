using System.Reflection;
using System.Runtime.Loader;
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
    public EdgeKvDbContext CreateDbContext(string[] args)
    {
        // dotnet-ef runs this inside its own process, which does not compile in build/AssemblyVersionBridge.cs and
        // whose base directory is the tool's. Microsoft.Data.Sqlite asks for SQLitePCLRaw.core 2.1.13; the process
        // has the served 2.0.6 on its probing paths, which a request without a version binds to.
        AssemblyLoadContext.Default.Resolving += (context, requested) =>
            requested.Name == "SQLitePCLRaw.core" && requested.Version is not null
                ? context.LoadFromAssemblyName(new AssemblyName(requested.Name))
                : null;

        return new(EdgeKvDbContextOptions.Create(EdgeKvDbContextOptions.DefaultConnectionString));
    }
}
