using EdgeKv.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Domain.Tests.Infrastructure;

/// <summary>
/// The domain as a host composes it (<c>AddEdgeKvDomain</c>), on a fresh temporary folder: a real SQLite admin
/// database and a real engine data directory. Disposing deletes the folder.
/// </summary>
internal sealed class DomainHost : IAsyncDisposable
{
    private DomainHost(string root, ServiceProvider services)
    {
        Root = root;
        Services = services;
    }

    public string Root { get; }

    public ServiceProvider Services { get; }

    public string DatabasePath => Path.Combine(Root, "admin.db");

    public string DataDirectory => Path.Combine(Root, "kv");

    /// <summary>Builds the services on a new temporary folder; <paramref name="settings"/> add or override configuration.</summary>
    public static DomainHost Create(IDictionary<string, string?>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "edgekv-domain-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = $"Data Source={Path.Combine(root, "admin.db")}",
            ["EdgeKv:DataDirectory"] = Path.Combine(root, "kv"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEdgeKvDomain(configuration);

        // The host's part: authentication (cookies in the web host) is what SignInManager needs to be built.
        services.AddAuthentication();
        return new DomainHost(root, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    /// <summary>A short-lived context, as services use.</summary>
    public EdgeKvDbContext CreateDbContext() =>
        Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<EdgeKvDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();

        // Pooled SQLite connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on clean-up.
        }
    }
}
