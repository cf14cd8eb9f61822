using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Nodes;
using EdgeKv.Domain.Platform;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Tokens;
using EdgeKv.Domain.Usage;
using EdgeKv.Domain.Variables;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Data;

/// <summary>
/// The console's database (admin.db, or a PostgreSQL database shared by several nodes): Identity's tables plus KV accounts, namespaces, projects, bindings, access
/// tokens, functions' deployments and environment variables, the audit log, the functions' log lines, the platform settings, namespaces' usage per minute and the nodes' heartbeats. Records are not here: they live in the engine, one store per namespace.
/// </summary>
/// <remarks>
/// Migrations live in one assembly per provider: EdgeKv.Migrations (SQLite) and EdgeKv.Migrations.Postgres
/// (docs/adr/0011-*). A model change needs a migration in both; from the repository root:
/// <code>
/// bash build/add-migration.sh NameOfTheChange
/// </code>
/// (docs/cluster.md shows the two dotnet-ef commands it runs).
/// </remarks>
public class EdgeKvDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    /// <summary>The assembly that holds the SQLite migrations (the PostgreSQL ones: <see cref="EdgeKvDbContextOptions.PostgresMigrationsAssembly"/>).</summary>
    public const string MigrationsAssembly = EdgeKvDbContextOptions.SqliteMigrationsAssembly;

    /// <summary>
    /// The name of the case-insensitive collation of namespace and project names: SQLite's built-in NOCASE, and on
    /// PostgreSQL a nondeterministic ICU collation of that name created by the migrations, so "Cache" and "cache"
    /// are the same name under both (the unique indexes and the name checks rely on it).
    /// </summary>
    public const string CaseInsensitiveCollation = "NOCASE";

    /// <summary>Makes the context with configured options (see <see cref="EdgeKvDbContextOptions"/>).</summary>
    public EdgeKvDbContext(DbContextOptions<EdgeKvDbContext> options)
        : base(options)
    {
    }

    /// <summary>KV accounts, one per user who applied.</summary>
    public DbSet<KvAccount> Accounts => Set<KvAccount>();

    /// <summary>Namespaces of every account.</summary>
    public DbSet<KvNamespace> Namespaces => Set<KvNamespace>();

    /// <summary>Projects of every user.</summary>
    public DbSet<Project> Projects => Set<Project>();

    /// <summary>Namespace ↔ project bindings.</summary>
    public DbSet<Binding> Bindings => Set<Binding>();

    /// <summary>Deployments of projects' functions, every one kept.</summary>
    public DbSet<Deployment> Deployments => Set<Deployment>();

    /// <summary>The files of deployments.</summary>
    public DbSet<DeploymentFile> DeploymentFiles => Set<DeploymentFile>();

    /// <summary>Projects' environment variables.</summary>
    public DbSet<ProjectVariable> ProjectVariables => Set<ProjectVariable>();

    /// <summary>The audit log.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Access tokens of every user (secrets are not stored, only their hashes).</summary>
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    /// <summary>The chosen namespaces of access tokens.</summary>
    public DbSet<AccessTokenNamespace> AccessTokenNamespaces => Set<AccessTokenNamespace>();

    /// <summary>The one row of platform settings.</summary>
    public DbSet<PlatformSettings> PlatformSettings => Set<PlatformSettings>();

    /// <summary>Namespaces' usage per minute, for the last day.</summary>
    public DbSet<NamespaceUsageMinute> NamespaceUsage => Set<NamespaceUsageMinute>();

    /// <summary>The cluster's nodes, each as its last heartbeat left it.</summary>
    public DbSet<NodeHeartbeat> NodeHeartbeats => Set<NodeHeartbeat>();

    /// <summary>Nodes' replica lag over the last hour, for the console's chart.</summary>
    public DbSet<NodeLagSample> NodeLagSamples => Set<NodeLagSample>();

    /// <summary>The newest lines of each project's function logs.</summary>
    public DbSet<ProjectLogLine> ProjectLogLines => Set<ProjectLogLine>();

    /// <summary>ASP.NET data-protection keys, shared by every node on PostgreSQL (unused on SQLite: keys stay in files).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        if (Database.IsNpgsql())
        {
            // Level 2 strength: case (and width) differences are ignored, accents are not.
            builder.HasCollation(CaseInsensitiveCollation, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        }

        builder.ApplyConfigurationsFromAssembly(typeof(EdgeKvDbContext).Assembly);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time zone: every DateTime is stored as UTC and read back marked as UTC. On PostgreSQL the
        // columns are timestamptz, which takes UTC only: the same conversion keeps every time UTC there too.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
