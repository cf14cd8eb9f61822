using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Seeding;
using EdgeKv.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Domain.Tests.Infrastructure;

internal sealed partial class DomainHost
{
    /// <summary>
    /// Another node on this host's PostgreSQL admin database: its own services, engine data directory and clock, the
    /// same database. <paramref name="configureServices"/> adds to its services (e.g. a command interceptor);
    /// <paramref name="time"/> replaces its clock.
    /// </summary>
    public Task<DomainHost> StartNodeAsync(Action<IServiceCollection>? configureServices = null, TimeProvider? time = null) =>
        StartOnPostgresAsync(PostgresDatabase ?? throw new InvalidOperationException("Nodes share a PostgreSQL admin database."), null, time, configureServices);

    /// <summary>A host on <paramref name="connectionString"/> (seeding it, a no-op after the first).</summary>
    public static async Task<DomainHost> StartOnPostgresAsync(
        string connectionString,
        IDictionary<string, string?>? settings,
        TimeProvider? time,
        Action<IServiceCollection>? configureServices)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [$"{StorageOptions.SectionName}:Provider"] = nameof(StorageProvider.Postgres),
            ["ConnectionStrings:Admin"] = connectionString,
        };
        var root = NewRoot();
        var host = new DomainHost(root, Build(root, all, time, passwordNotice: null, configureServices), connectionString);
        var adminId = await host.Get<DomainSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        host.Admin = new Caller(adminId, IsAdmin: true);
        return host;
    }

    /// <summary>Seeds <paramref name="connectionString"/> with a host of its own, then lets every connection go.</summary>
    internal static async Task SeedPostgresTemplateAsync(string connectionString)
    {
        var root = NewRoot();
        var services = Build(root, new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:Provider"] = nameof(StorageProvider.Postgres),
            ["ConnectionStrings:Admin"] = connectionString,
        }, time: null);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync();
        }

        await services.DisposeAsync();
    }
}
