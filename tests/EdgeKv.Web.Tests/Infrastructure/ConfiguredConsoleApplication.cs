namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// The in-memory host with <paramref name="settings"/> on top of the test defaults (e.g. another storage provider),
/// in Development unless <paramref name="environmentName"/> says otherwise.
/// </summary>
public sealed class ConfiguredConsoleApplication(IReadOnlyDictionary<string, string?> settings, string environmentName = "Development") : ConsoleApplication
{
    /// <summary>A node of a cluster: the admin database on PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static ConfiguredConsoleApplication OnPostgres(string connectionString, string environmentName = "Development") => new(
        new Dictionary<string, string?>
        {
            ["EdgeKv:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Admin"] = connectionString,
        },
        environmentName);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings;

    protected override string EnvironmentName => environmentName;
}
