using EdgeKv.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// Makes the data paths of configuration absolute. A relative path resolves against the host's content root, which
/// is <c>src/EdgeKv.Web</c> when started with <c>dotnet run --project src/EdgeKv.Web</c> (the Web SDK runs the app
/// in its project folder), so a fresh clone keeps its data in <c>src/EdgeKv.Web/data/</c> whatever folder the
/// command was typed in. Absolute paths (tests, deployments) are kept as they are.
/// </summary>
internal static class DataPaths
{
    /// <summary>The admin (domain) database's connection string name.</summary>
    public const string AdminConnectionStringName = "Admin";

    /// <summary>The folder of the engine's namespace files.</summary>
    public const string DataDirectoryKey = "EdgeKv:DataDirectory";

    /// <summary>Adds a configuration layer holding the absolute forms of the relative data paths.</summary>
    public static void ResolveAgainst(IConfigurationBuilder builder, IConfiguration configuration, string contentRoot)
    {
        var resolved = new Dictionary<string, string?>();

        var dataDirectory = configuration[DataDirectoryKey];
        if (!string.IsNullOrWhiteSpace(dataDirectory) && !Path.IsPathFullyQualified(dataDirectory))
        {
            resolved[DataDirectoryKey] = Path.GetFullPath(dataDirectory, contentRoot);
        }

        var connectionString = configuration.GetConnectionString(AdminConnectionStringName);
        if (IsSqlite(configuration) && ResolveSqliteFile(connectionString, contentRoot) is { } absolute)
        {
            resolved["ConnectionStrings:" + AdminConnectionStringName] = absolute;
        }

        if (resolved.Count > 0)
        {
            builder.AddInMemoryCollection(resolved);
        }
    }

    /// <summary>Creates the folders the data paths name, so SQLite can create its files there.</summary>
    public static void EnsureFolders(IConfiguration configuration)
    {
        if (configuration[DataDirectoryKey] is { Length: > 0 } dataDirectory)
        {
            Directory.CreateDirectory(dataDirectory);
        }

        if (IsSqlite(configuration)
            && SqliteFile(configuration.GetConnectionString(AdminConnectionStringName)) is { } file
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>The connection string with its data source made absolute, or null when nothing needs resolving.</summary>
    internal static string? ResolveSqliteFile(string? connectionString, string contentRoot)
    {
        if (SqliteFile(connectionString) is not { } file || Path.IsPathFullyQualified(file))
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString) { DataSource = Path.GetFullPath(file, contentRoot) };
        return builder.ToString();
    }

    // On PostgreSQL the admin database is no file of ours.
    private static bool IsSqlite(IConfiguration configuration) =>
        StorageOptions.From(configuration).AdminProvider == StorageProvider.Sqlite;

    // An in-memory database has no file to place; a string SQLite cannot read is left for the storage validator to
    // report at start-up, with the setting to fix.
    private static string? SqliteFile(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "";
        return inMemory ? null : builder.DataSource;
    }
}
