namespace EdgeKv.Functions.Tests.Support;

/// <summary>
/// A <see cref="FunctionsServer"/> whose KV engine is on PostgreSQL (<c>EdgeKv:Storage:Engine</c>, the database at
/// <paramref name="kvConnectionString"/>), and its admin database too when <paramref name="adminConnectionString"/> is
/// given (else a SQLite file). For tests that stop the server.
/// </summary>
public sealed class PostgresEngineFunctionsServer(string kvConnectionString, string? adminConnectionString = null) : FunctionsServer
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = adminConnectionString is null
        ? new Dictionary<string, string?>
        {
            ["EdgeKv:Storage:Engine"] = "Postgres",
            ["ConnectionStrings:Kv"] = kvConnectionString,
        }
        : new Dictionary<string, string?>
        {
            ["EdgeKv:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Admin"] = adminConnectionString,
            ["EdgeKv:Storage:Engine"] = "Postgres",
            ["ConnectionStrings:Kv"] = kvConnectionString,
        };
}
