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

    /// <summary><c>ConnectionStrings:Admin</c>; null means the SQLite default.</summary>
    public string? AdminConnectionString { get; set; }

    /// <summary>The admin database's provider; only meaningful once validated.</summary>
    public StorageProvider AdminProvider => Parse(Provider) ?? StorageProvider.Sqlite;

    /// <summary>The engine's backend; only meaningful once validated.</summary>
    public StorageProvider EngineProvider => Parse(Engine) ?? StorageProvider.Sqlite;

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
        return options;
    }

    /// <summary>A provider name, any letter case; null when empty (the default) or unknown (the validator reports it).</summary>
    internal static StorageProvider? Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? StorageProvider.Sqlite
        : Enum.TryParse<StorageProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !char.IsDigit(value.Trim()[0]) ? provider
        : null;
}
