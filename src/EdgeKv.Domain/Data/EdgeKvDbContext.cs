using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Platform;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Tokens;
using EdgeKv.Domain.Usage;
using EdgeKv.Domain.Variables;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Data;

/// <summary>
/// The console's database (admin.db): Identity's tables plus KV accounts, namespaces, projects, bindings, access
/// tokens, functions' deployments and environment variables, the audit log, the platform settings and namespaces' usage per minute. Records are not here: they live in the engine, one store per namespace.
/// </summary>
/// <remarks>
/// Migrations live in the EdgeKv.Migrations assembly. To add one, from the repository root (dotnet-ef 9 runs on the
/// installed .NET 10 runtime only with roll-forward):
/// <code>
/// dotnet tool restore
/// DOTNET_ROLL_FORWARD=Major dotnet ef migrations add NameOfTheChange --project migrations/EdgeKv.Migrations --startup-project migrations/EdgeKv.Migrations --context EdgeKvDbContext --output-dir Migrations --namespace EdgeKv.Migrations
/// </code>
/// </remarks>
public class EdgeKvDbContext : IdentityDbContext<ApplicationUser>
{
    /// <summary>The assembly that holds the migrations.</summary>
    public const string MigrationsAssembly = "EdgeKv.Migrations";

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

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EdgeKvDbContext).Assembly);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time zone: every DateTime is stored as UTC and read back marked as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
