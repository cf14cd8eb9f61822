using EdgeKv.Api.Tests.Support;
using EdgeKv.Testing.Postgres;

namespace EdgeKv.Api.Tests.Cluster;

/// <summary>Two started nodes on a fresh database of <c>server</c>; disposing stops both.</summary>
internal sealed class TwoNodes(DomainKvConnectServer a, DomainKvConnectServer b) : IAsyncDisposable
{
    public DomainKvConnectServer A { get; } = a;

    public DomainKvConnectServer B { get; } = b;

    public static async Task<TwoNodes> StartAsync(PostgresServer server)
    {
        var database = await server.CreateDatabaseAsync();

        // One after the other: the first migrates and seeds, the second finds it done (both would be safe: locks).
        var a = await DomainKvConnectServer.StartNodeAsync(database);
        return new TwoNodes(a, await DomainKvConnectServer.StartNodeAsync(database));
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
