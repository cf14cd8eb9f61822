using EdgeKv.Api.Tests.Support;
using EdgeKv.Domain.Tokens;
using EdgeKv.Testing.Cluster;
using EdgeKv.Testing.Postgres;

namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>
/// A fresh cluster database with a user's namespace, a read-write token over it and a read-only one left unused (so a
/// node's first request with it looks it up in the admin database), made through the domain's services (a node composed
/// in this process, as the console would; stopped before the host processes start).
/// </summary>
internal sealed record LoadTarget(string Database, string StoreId, string Token, string UnusedToken)
{
    /// <summary>
    /// Settings of every node under load: the per-token rate limit (1,000 a second by default) is lifted, since dozens
    /// of writers on one token would otherwise measure the limit, not the fault.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NodeSettings = new Dictionary<string, string>
    {
        ["EdgeKv:RateLimits:AccessToken:PermitLimit"] = "1000000000",
    };

    public static async Task<LoadTarget> CreateAsync(PostgresServer server)
    {
        var database = await server.CreateDatabaseAsync();
        await using var setup = await DomainKvConnectServer.StartNodeAsync(database);
        var writer = await setup.CreateNamespaceOwnerAsync("writer", "load");
        var unused = await setup.CreateTokenAsync(writer.User, writer.Namespace, AccessTokenPermission.ReadOnly);
        return new LoadTarget(database, writer.Namespace.StoreId, writer.Token.Secret, unused.Secret);
    }

    /// <summary>
    /// <paramref name="count"/> host processes on the database, started together (the database is migrated and seeded
    /// already) and ready; if one fails to start, the others are killed before the failure is thrown.
    /// </summary>
    public async Task<HostProcess[]> StartNodesAsync(int count)
    {
        var starting = Enumerable.Range(0, count).Select(_ => HostProcess.StartAsync(Database, NodeSettings)).ToList();
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }
}
