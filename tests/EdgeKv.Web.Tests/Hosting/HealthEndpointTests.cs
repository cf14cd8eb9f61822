using System.Net;
using System.Text.Json;
using EdgeKv.Domain.Data;
using EdgeKv.Web.Hosting;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>/healthz and /readyz, anonymous with a minimal JSON body; each readiness check failing on its own.</summary>
public sealed class HealthEndpointTests(OperationsApplication app) : IClassFixture<OperationsApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_Anonymous_200Healthy()
    {
        using var client = app.ClientFrom("192.0.2.10");

        using var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"Healthy","checks":{}}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Readyz_MigratedDatabaseAndWritableDirectory_200WithEachCheckHealthy()
    {
        using var client = app.ClientFrom("192.0.2.10");

        using var response = await client.GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("admin-database").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("data-directory").GetString());
    }

    [Fact]
    public async Task Readyz_SqliteNode_NamesItsEngineAndAReplicaNotConfigured()
    {
        using var client = app.ClientFrom("192.0.2.10");

        using var response = await client.GetAsync("/readyz", Ct);

        // The engine's state, no error text: an anonymous endpoint names no hosts.
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Sqlite", body.RootElement.GetProperty("storage").GetProperty("engine").GetString());
        Assert.Equal("""{"health":"NotConfigured","lag-ms":null,"max-lag-ms":60000}""", body.RootElement.GetProperty("replica").GetRawText());
    }

    [Fact]
    public async Task AdminDatabaseCheck_DatabaseWithoutMigrations_Unhealthy()
    {
        // Arrange: an empty SQLite database (a file of no bytes is one), as before start-up migrated it.
        using var folder = new TempDataFolder();
        await File.WriteAllBytesAsync(folder.File("empty.db"), [], Ct);
        var services = new ServiceCollection()
            .AddDbContextFactory<EdgeKvDbContext>(options => EdgeKvDbContextOptions.Configure(options, $"Data Source={folder.File("empty.db")}"))
            .BuildServiceProvider();
        await using var _ = services;
        var check = new Health.AdminDatabaseHealthCheck(services.GetRequiredService<IDbContextFactory<EdgeKvDbContext>>());

        // Act
        var result = await check.CheckHealthAsync(new HealthCheckContext(), Ct);

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The admin database has migrations not yet applied.", result.Description);
    }

    [Fact]
    public async Task DataDirectoryCheck_DirectoryUnderAFile_Unhealthy()
    {
        // Arrange: a path no one can create a file in (its parent is a file), whoever runs the test (even root).
        using var folder = new TempDataFolder();
        await File.WriteAllTextAsync(folder.File("not-a-folder"), "x", Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EdgeKv:DataDirectory"] = Path.Combine(folder.File("not-a-folder"), "kv"),
        }).Build();

        // Act
        var result = await new Health.DataDirectoryHealthCheck(configuration).CheckHealthAsync(new HealthCheckContext(), Ct);

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The data directory is not writable.", result.Description);
    }
}
