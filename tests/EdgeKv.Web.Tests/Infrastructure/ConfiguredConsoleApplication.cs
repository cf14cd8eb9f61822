namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>The in-memory host with <paramref name="settings"/> on top of the test defaults (e.g. another storage provider).</summary>
public sealed class ConfiguredConsoleApplication(IReadOnlyDictionary<string, string?> settings) : ConsoleApplication
{
    /// <summary>A node of a cluster: the admin database on PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static ConfiguredConsoleApplication OnPostgres(string connectionString) => new(new Dictionary<string, string?>
    {
        ["EdgeKv:Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Admin"] = connectionString,
    });

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings;
}
