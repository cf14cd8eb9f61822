namespace EdgeKv.Functions.Tests.Support;

/// <summary>
/// A <see cref="FunctionsServer"/> whose KV engine is on PostgreSQL (<c>EdgeKv:Storage:Engine</c>, the database at
/// <paramref name="kvConnectionString"/>); its admin database stays a SQLite file. For tests that stop the server.
/// </summary>
public sealed class PostgresEngineFunctionsServer(string kvConnectionString) : FunctionsServer
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["EdgeKv:Storage:Engine"] = "Postgres",
        ["ConnectionStrings:Kv"] = kvConnectionString,
    };
}
