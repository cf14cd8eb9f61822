using EdgeKv.Core.Registry;
using EdgeKv.Core.Sqlite;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Seeding;
using EdgeKv.Domain.Tokens;
using EdgeKv.Domain.Usage;
using EdgeKv.Domain.Variables;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the console's domain in a host.</summary>
public static class EdgeKvDomainServiceCollectionExtensions
{
    /// <summary>
    /// Adds usage history: the recorder that writes the engine's usage counters to the admin database, the signal live
    /// charts follow and the queries. The host adds <see cref="UsageFlushService"/> to flush on a timer (after the
    /// database is migrated); without it nothing is written.
    /// </summary>
    private static void AddUsageHistory(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UsageOptions>()
            .Bind(configuration.GetSection(UsageOptions.SectionName))
            .Validate(options => options.IsValid, $"{UsageOptions.SectionName}:FlushInterval must be between 00:00:01 and 00:01:00.")
            .ValidateOnStart();
        services.TryAddSingleton<UsageFlushes>();
        services.TryAddSingleton<UsageRecorder>();
        services.AddScoped<UsageService>();
    }

    /// <summary>
    /// Adds the domain: the admin database (SQLite, <c>ConnectionStrings:Admin</c>), Identity core with roles, the
    /// sign-in manager and token providers (the host adds cookie authentication), the engine registry
    /// (<c>EdgeKv:DataDirectory</c>), the domain services, the event hub and the seeder.
    /// </summary>
    public static IServiceCollection AddEdgeKvDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EdgeKv.Domain.EdgeKvDomainOptions>(configuration.GetSection(EdgeKv.Domain.EdgeKvDomainOptions.SectionName));
        var connectionString = configuration.GetConnectionString("Admin") ?? EdgeKvDbContextOptions.DefaultConnectionString;

        // A factory, because Blazor Server circuits are long-lived: services open a short context per operation.
        // A scoped context too, for Identity's stores and the seeder.
        services.AddDbContextFactory<EdgeKvDbContext>(options => EdgeKvDbContextOptions.Configure(options, connectionString));
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<EdgeKvDbContext>>().CreateDbContext());

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;

                // No account lockout: counted per account, failures from anyone lock the owner out (a stranger could
                // keep the admin locked forever). Guessing is throttled per client address by the host instead.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EdgeKvDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // One registry per process: it owns the open stores and the budget groups of the data directory.
        var dataDirectory = configuration[$"{EdgeKv.Domain.EdgeKvDomainOptions.SectionName}:DataDirectory"] is { Length: > 0 } configured
            ? configured
            : EdgeKv.Domain.EdgeKvDomainOptions.DefaultDataDirectory;
        // The engine reports its background failures (expiry sweep, checkpoint) through the host's logging.
        services.TryAddSingleton<IKvStoreRegistry>(provider => new SqliteKvStoreRegistry(dataDirectory, SqliteKvStoreOptions.Default with
        {
            Logger = provider.GetService<ILoggerFactory>()?.CreateLogger("EdgeKv.Core.Engine") ?? NullLogger.Instance,
        }));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDomainEvents, DomainEventHub>();

        // Programs' tokens are answered from memory, kept exact by the events; their uses are written in batches
        // with the namespaces' usage (UsageFlushService).
        services.TryAddSingleton<AccessTokenDirectory>();
        services.AddSingleton<IDomainEventObserver>(provider => provider.GetRequiredService<AccessTokenDirectory>());
        services.TryAddSingleton<AccessTokenUsage>();
        services.TryAddSingleton<AccessTokenUsageWriter>();
        services.AddScoped<DomainSeeder>();
        services.TryAddSingleton<IInitialAdminPasswordNotice, TerminalInitialAdminPasswordNotice>();
        services.AddScoped<AccountApplicationService>();
        services.AddScoped<NamespaceService>();
        services.AddScoped<ProjectService>();
        services.AddScoped<ProjectTemplateService>();
        services.AddScoped<BindingService>();
        services.AddScoped<DeploymentService>();
        // Functions' logs live in memory, one book per host, written by the runtime and read through the service.
        services.TryAddSingleton<ProjectLogBook>();
        services.AddScoped<ProjectLogService>();
        services.AddScoped<ProjectVariableService>();
        services.AddScoped<RecordService>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<AccessTokenService>();
        AddUsageHistory(services, configuration);
        return services;
    }
}
