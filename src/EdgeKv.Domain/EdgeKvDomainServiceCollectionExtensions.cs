using EdgeKv.Core.Registry;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Cluster;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Nodes;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Records;
using EdgeKv.Domain.Seeding;
using EdgeKv.Domain.Storage;
using EdgeKv.Domain.Tokens;
using EdgeKv.Domain.Usage;
using EdgeKv.Domain.Variables;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the console's domain in a host.</summary>
public static class EdgeKvDomainServiceCollectionExtensions
{
    /// <summary>The data-protection application name of every node of a PostgreSQL cluster.</summary>
    public const string SharedDataProtectionApplicationName = "EdgeKv";

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
    /// Adds the nodes' heartbeats: this node, the writer, the signal the console's node page follows and the query. The
    /// host adds <see cref="NodeHeartbeatService"/> to beat on a timer (after the database is migrated) and its own
    /// <see cref="INodeAddress"/> (the console's address); without them this node is not listed.
    /// </summary>
    private static void AddNodeHeartbeats(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NodeOptions>()
            .Bind(configuration.GetSection(NodeOptions.SectionName))
            .Validate(options => options.IsValid, NodeOptions.Invalid)
            .ValidateOnStart();
        services.TryAddSingleton<INodeAddress, NoNodeAddress>();
        services.TryAddSingleton<ThisNode>();
        services.TryAddSingleton<NodeHeartbeats>();
        services.TryAddSingleton<NodeHeartbeatWriter>();
        services.AddScoped<NodeService>();
    }

    /// <summary>
    /// Adds the relay of domain events between the nodes of a cluster on PostgreSQL (docs/cluster.md, ADR 0013): each
    /// event published here is notified on the cluster's channel, and the others' are published here.
    /// </summary>
    private static void AddClusterEvents(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>()
            .Bind(configuration.GetSection(ClusterOptions.SectionName))
            .Validate(options => options.IsValid, ClusterOptions.InvalidName)
            .ValidateOnStart();
        services.TryAddSingleton<ClusterNode>();
        services.TryAddSingleton<ClusterEventSender>();
        services.AddSingleton<IDomainEventObserver>(provider => provider.GetRequiredService<ClusterEventSender>());
        services.AddHostedService(provider => provider.GetRequiredService<ClusterEventSender>());
        services.TryAddSingleton<ClusterEventListener>();
        services.AddHostedService(provider => provider.GetRequiredService<ClusterEventListener>());
    }

    /// <summary>
    /// Adds the domain: the admin database (<c>EdgeKv:Storage:Provider</c>: SQLite, or PostgreSQL shared by several
    /// nodes, on <c>ConnectionStrings:Admin</c>; validated at start-up), Identity core with roles, the sign-in manager
    /// and token providers (the host adds cookie authentication), the engine registry (<c>EdgeKv:Storage:Engine</c>,
    /// <c>EdgeKv:DataDirectory</c>), the domain services, the event hub and the seeder. On PostgreSQL the
    /// data-protection keys (cookies, antiforgery, Identity's tokens) live in the admin database, so every node reads
    /// what any node protected.
    /// </summary>
    public static IServiceCollection AddEdgeKvDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EdgeKv.Domain.EdgeKvDomainOptions>(configuration.GetSection(EdgeKv.Domain.EdgeKvDomainOptions.SectionName));
        services.AddOptions<StorageOptions>()
            .Configure(options =>
            {
                var current = StorageOptions.From(configuration);
                options.Provider = current.Provider;
                options.Engine = current.Engine;
                options.AdminConnectionString = current.AdminConnectionString;
                options.KvConnectionString = current.KvConnectionString;
                options.KvReplicaConnectionString = current.KvReplicaConnectionString;
                options.MaxReplicaLag = current.MaxReplicaLag;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        // A factory, because Blazor Server circuits are long-lived: services open a short context per operation.
        // A scoped context too, for Identity's stores and the seeder. The validated options choose the provider.
        services.AddDbContextFactory<EdgeKvDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            EdgeKvDbContextOptions.Configure(options, storage.AdminProvider, storage.EffectiveAdminConnectionString);
        });
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

        if (StorageOptions.From(configuration).AdminProvider == StorageProvider.Postgres)
        {
            // One key ring for the cluster, under one application name (the default name is the content root's path,
            // which differs between nodes).
            services.AddDataProtection()
                .SetApplicationName(SharedDataProtectionApplicationName)
                .PersistKeysToDbContext<EdgeKvDbContext>();
        }

        // One registry per process: it owns the open stores and the budget groups of the data directory.
        services.TryAddSingleton<IKvStoreRegistry>(provider =>
            KvRegistryFactory.Create(provider, provider.GetRequiredService<IOptions<StorageOptions>>().Value, configuration));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDomainEvents, DomainEventHub>();

        // Programs' tokens are answered from memory, kept exact by the events; their uses are written in batches
        // with the namespaces' usage (UsageFlushService).
        services.TryAddSingleton<AccessTokenDirectory>();
        services.AddSingleton<IDomainEventObserver>(provider => provider.GetRequiredService<AccessTokenDirectory>());
        services.TryAddSingleton<AccessTokenUsage>();
        if (StorageOptions.From(configuration).AdminProvider == StorageProvider.Postgres)
        {
            AddClusterEvents(services, configuration);
        }

        services.TryAddSingleton<AccessTokenUsageWriter>();
        services.AddScoped<DomainSeeder>();
        services.TryAddSingleton<IInitialAdminPasswordNotice, TerminalInitialAdminPasswordNotice>();
        services.AddScoped<AccountApplicationService>();
        services.AddScoped<NamespaceService>();
        services.AddScoped<ProjectService>();
        services.AddScoped<ProjectTemplateService>();
        services.AddScoped<BindingService>();
        services.AddScoped<DeploymentService>();
        // Functions' logs: one book per host, written by the runtime, kept in the admin database by the writer (the
        // host adds it after migrating), read through the service.
        services.TryAddSingleton<ProjectLogStore>();
        services.TryAddSingleton<ProjectLogBook>();
        services.AddSingleton<IDomainEventObserver>(provider => provider.GetRequiredService<ProjectLogBook>());
        services.TryAddSingleton<ProjectLogWriter>();
        services.AddScoped<ProjectLogService>();
        services.AddScoped<ProjectVariableService>();
        services.AddScoped<RecordService>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<AccessTokenService>();
        AddUsageHistory(services, configuration);
        AddNodeHeartbeats(services, configuration);
        return services;
    }
}
