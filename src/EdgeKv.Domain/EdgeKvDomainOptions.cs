namespace EdgeKv.Domain;

/// <summary>
/// The domain's settings, bound from the <c>EdgeKv</c> configuration section. The admin database's connection string
/// is <c>ConnectionStrings:Admin</c> (default <see cref="Data.EdgeKvDbContextOptions.DefaultConnectionString"/>).
/// </summary>
public sealed class EdgeKvDomainOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "EdgeKv";

    /// <summary>The default engine data directory.</summary>
    public const string DefaultDataDirectory = "data/kv";

    /// <summary>The default admin e-mail.</summary>
    public const string DefaultAdminEmail = "admin@edgekv.local";

    /// <summary>Where the engine keeps one SQLite file per namespace (<c>EdgeKv:DataDirectory</c>).</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>The admin the seeder creates (<c>EdgeKv:Admin</c>).</summary>
    public AdminAccountOptions Admin { get; set; } = new();
}
