using EdgeKv.Core.Registry;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Seeding;
using EdgeKv.Domain.Tokens;
using Microsoft.AspNetCore.Identity;
using EdgeKv.Domain.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EdgeKv.Domain.Tests.Infrastructure;

/// <summary>
/// The domain as a host composes it (<c>AddEdgeKvDomain</c>) on a fresh temporary folder: a real admin database
/// migrated with the real migrations, and the real engine registry on a real data directory. One scope lives as long
/// as the host, as a Blazor circuit's does. Disposing deletes the folder. The admin database is a SQLite file, or a
/// fresh database on the test run's PostgreSQL server when the test class runs on PostgreSQL
/// (<see cref="IRunsOnPostgres"/>): the same test bodies, on either provider.
/// </summary>
internal sealed partial class DomainHost : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private DomainHost(string root, ServiceProvider services, string? postgresDatabase = null)
    {
        Root = root;
        Services = services;
        PostgresDatabase = postgresDatabase;
        _scope = services.CreateAsyncScope();
    }

    /// <summary>The admin database's connection string when on PostgreSQL; null on SQLite.</summary>
    public string? PostgresDatabase { get; }

    /// <summary>The admin database's provider.</summary>
    public StorageProvider Provider => PostgresDatabase is null ? StorageProvider.Sqlite : StorageProvider.Postgres;

    /// <summary>The admin password every test host configures.</summary>
    public const string AdminPassword = "Adm1n!Tests";

    public string Root { get; }

    public ServiceProvider Services { get; }

    public string DataDirectory => Path.Combine(Root, "kv");

    /// <summary>The seeded admin (after <see cref="StartAsync"/>).</summary>
    public Caller Admin { get; private set; } = new("", IsAdmin: true);

    public AccountApplicationService Accounts => Get<AccountApplicationService>();

    public NamespaceService Namespaces => Get<NamespaceService>();

    public ProjectService Projects => Get<ProjectService>();

    public BindingService Bindings => Get<BindingService>();

    public DeploymentService Deployments => Get<DeploymentService>();

    public RecordService Records => Get<RecordService>();

    public AuditLogService AuditLog => Get<AuditLogService>();

    public AccessTokenService Tokens => Get<AccessTokenService>();

    public IKvStoreRegistry Registry => Get<IKvStoreRegistry>();

    public IDomainEvents Events => Get<IDomainEvents>();

    public UserManager<ApplicationUser> Users => Get<UserManager<ApplicationUser>>();

    /// <summary>Builds the services on a new temporary folder; <paramref name="settings"/> add or override configuration.</summary>
    public static DomainHost Create(IDictionary<string, string?>? settings = null) => Create(NewRoot(), settings, time: null);

    /// <summary>
    /// Like <see cref="Create(IDictionary{string, string?}?)"/>, with <paramref name="passwordNotice"/> receiving a
    /// generated admin password (configure <c>EdgeKv:Admin:Password</c> as null for a fresh install's behaviour).
    /// </summary>
    public static DomainHost Create(IDictionary<string, string?> settings, IInitialAdminPasswordNotice passwordNotice)
    {
        var root = NewRoot();
        return new(root, Build(root, settings, time: null, passwordNotice));
    }

    /// <summary>
    /// A migrated and seeded domain, ready for the services. The admin database starts as a copy of one migrated and
    /// seeded once per test run (migrating per test would dominate the suite's time); the seeder still runs on it,
    /// so every test also checks that seeding an existing database is a no-op. <paramref name="time"/> replaces the
    /// system clock for every service (e.g. a <see cref="ManualClock"/>).
    /// </summary>
    public static async Task<DomainHost> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        if (TestContext.Current.TestClassInstance is IRunsOnPostgres)
        {
            return await StartOnPostgresAsync(await PostgresAdminDatabases.CreateSeededAsync(), settings, time, configureServices: null);
        }

        var root = NewRoot();
        File.Copy(await SeededTemplate.Value, Path.Combine(root, "admin.db"));
        var host = Create(root, settings, time);
        var adminId = await host.Get<DomainSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        host.Admin = new Caller(adminId, IsAdmin: true);
        return host;
    }

    private static readonly Lazy<Task<string>> SeededTemplate = new(CreateSeededTemplateAsync);

    private static async Task<string> CreateSeededTemplateAsync()
    {
        var root = NewRoot();
        var services = Build(root, settings: null, time: null);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync();
        }

        await services.DisposeAsync();

        // Closing the last connection checkpoints the WAL into the file, so the file alone is the whole database.
        SqliteConnection.ClearAllPools();
        return Path.Combine(root, "admin.db");
    }

    private static string NewRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "edgekv-domain-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return root;
    }

    private static DomainHost Create(string root, IDictionary<string, string?>? settings, TimeProvider? time) =>
        new(root, Build(root, settings, time));

    private static ServiceProvider Build(
        string root,
        IDictionary<string, string?>? settings,
        TimeProvider? time,
        IInitialAdminPasswordNotice? passwordNotice = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = $"Data Source={Path.Combine(root, "admin.db")}",
            ["EdgeKv:DataDirectory"] = Path.Combine(root, "kv"),

            // Configured, as an operator would: otherwise the seeder generates one and writes it to the terminal.
            ["EdgeKv:Admin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (passwordNotice is not null)
        {
            services.AddSingleton(passwordNotice);
        }

        if (time is not null)
        {
            // Before the domain, whose TryAdd then keeps it.
            services.AddSingleton(time);
        }

        services.AddEdgeKvDomain(configuration);
        configureServices?.Invoke(services);

        // The host's part: authentication (cookies in the web host) is what SignInManager needs to be built.
        services.AddAuthentication();

        // Test-only: fewer PBKDF2 rounds, so creating users does not dominate the run. Hashes record their own
        // round count, so nothing else changes.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A short-lived context, as services use.</summary>
    public EdgeKvDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<EdgeKvDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await Services.DisposeAsync();

        // Pooled SQLite connections keep the files open; release them so the folder can go. Pooled PostgreSQL
        // connections hold server slots: a run makes a database per test.
        SqliteConnection.ClearAllPools();
        if (PostgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(PostgresDatabase);
            NpgsqlConnection.ClearPool(connection);
        }

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
