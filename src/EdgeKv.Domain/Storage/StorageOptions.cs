using System.Globalization;
using EdgeKv.Core.Replication;
using Microsoft.Extensions.Configuration;

namespace EdgeKv.Domain.Storage;

/// <summary>
/// The node's storage, bound from <c>EdgeKv:Storage</c>, with the admin database's connection string from
/// <c>ConnectionStrings:Admin</c>. Validated at start-up by <see cref="StorageOptionsValidator"/> (docs/cluster.md).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "EdgeKv:Storage";

    /// <summary>The name of the admin database's connection string (<c>ConnectionStrings:Admin</c>).</summary>
    public const string AdminConnectionStringName = "Admin";

    /// <summary>The name of the engine's PostgreSQL connection string (<c>ConnectionStrings:Kv</c>; default: the admin one).</summary>
    public const string KvConnectionStringName = "Kv";

    /// <summary>The name of the engine's read replica's connection string (<c>ConnectionStrings:KvReplica</c>; default: none).</summary>
    public const string KvReplicaConnectionStringName = "KvReplica";

    /// <summary>The shortest lag bound a node takes (the replica is measured once a second).</summary>
    public static readonly TimeSpan MinReplicaLag = TimeSpan.FromSeconds(1);

    /// <summary>The longest lag bound a node takes.</summary>
    public static readonly TimeSpan MaxReplicaLagLimit = TimeSpan.FromDays(1);

    /// <summary>The admin database's connection string when SQLite is chosen and configuration names none.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/admin.db";

    /// <summary>
    /// The admin database's provider as configured: <c>Sqlite</c> (default) or <c>Postgres</c>, any letter case. Kept as
    /// text so a typo is reported by the validator with the accepted values, not as a binder's conversion error.
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>
    /// The KV engine's backend as configured: <c>Sqlite</c> (default: one file per namespace under
    /// <c>EdgeKv:DataDirectory</c>) or <c>Postgres</c>. Separate from <see cref="Provider"/> because the engine's
    /// PostgreSQL backend is its own piece (see <see cref="KvRegistryFactory"/>).
    /// </summary>
    public string? Engine { get; set; }

    /// <summary>
    /// <c>EdgeKv:Storage:MaxReplicaLag</c>: how far behind the primary the read replica may be and still serve eventual
    /// reads, as a time (<c>00:01:00</c>); unset means 60 s. Kept as text so a bad value gets the validator's message.
    /// </summary>
    public string? MaxReplicaLag { get; set; }

    /// <summary><c>ConnectionStrings:Admin</c>; null means the SQLite default.</summary>
    public string? AdminConnectionString { get; set; }

    /// <summary><c>ConnectionStrings:Kv</c>: the engine's database when it is PostgreSQL; null means the admin one.</summary>
    public string? KvConnectionString { get; set; }

    /// <summary><c>ConnectionStrings:KvReplica</c>: a streaming replica of the engine's PostgreSQL database for eventual reads; null for none.</summary>
    public string? KvReplicaConnectionString { get; set; }

    /// <summary>The lag bound; only meaningful once validated.</summary>
    public TimeSpan EffectiveMaxReplicaLag => ParseLag(MaxReplicaLag) ?? KvReplicaState.DefaultMaxLag;

    /// <summary>The admin database's provider; only meaningful once validated.</summary>
    public StorageProvider AdminProvider => Parse(Provider) ?? StorageProvider.Sqlite;

    /// <summary>
    /// The engine's backend; only meaningful once validated. Unset, it follows the admin database's provider: a node
    /// put on PostgreSQL keeps its namespaces there too, which is what lets several nodes serve them.
    /// </summary>
    public StorageProvider EngineProvider => string.IsNullOrWhiteSpace(Engine) ? AdminProvider : Parse(Engine) ?? StorageProvider.Sqlite;

    /// <summary>The engine's PostgreSQL connection string: <c>ConnectionStrings:Kv</c>, else the admin database's.</summary>
    public string? EffectiveKvConnectionString =>
        KvConnectionString is { Length: > 0 } configured ? configured
        : AdminProvider == StorageProvider.Postgres ? AdminConnectionString
        : null;

    /// <summary>The admin database's connection string, the SQLite default filled in.</summary>
    public string EffectiveAdminConnectionString =>
        AdminConnectionString is { Length: > 0 } configured ? configured : DefaultSqliteConnectionString;

    /// <summary>
    /// The options as <paramref name="configuration"/> holds them now. The composition root needs the provider while it
    /// registers services (which EF provider, where data-protection keys go), before options can be resolved.
    /// </summary>
    public static StorageOptions From(IConfiguration configuration)
    {
        var options = new StorageOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.AdminConnectionString = configuration.GetConnectionString(AdminConnectionStringName);
        options.KvConnectionString = configuration.GetConnectionString(KvConnectionStringName);
        options.KvReplicaConnectionString = configuration.GetConnectionString(KvReplicaConnectionStringName);
        return options;
    }

    /// <summary>A provider name, any letter case; null when empty (the default) or unknown (the validator reports it).</summary>
    internal static StorageProvider? Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? StorageProvider.Sqlite
        : Enum.TryParse<StorageProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !char.IsDigit(value.Trim()[0]) ? provider
        : null;

    /// <summary>A lag bound as a time within [1 s, 1 day]; the default when empty; null when not one (the validator reports it).</summary>
    internal static TimeSpan? ParseLag(string? value) =>
        string.IsNullOrWhiteSpace(value) ? KvReplicaState.DefaultMaxLag
        : TimeSpan.TryParse(value.Trim(), CultureInfo.InvariantCulture, out var lag) && lag >= MinReplicaLag && lag <= MaxReplicaLagLimit ? lag
        : null;
}
