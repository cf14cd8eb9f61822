using System.Net;
using System.Text.Json;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Replication;
using EdgeKv.Storage.Postgres;
using EdgeKv.Testing.Postgres;
using EdgeKv.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Web.Tests.Hosting;

/// <summary>
/// /readyz reports the node's read replica as last measured (health, lag, bound), and a replica that is gone leaves the
/// node ready: its eventual reads go to the primary meanwhile (ADR 0014). A real primary and streaming replica.
/// </summary>
public sealed class ReplicaHealthTests(PostgresReplicaFixture servers) : IClassFixture<PostgresReplicaFixture>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_NodeWithAReplica_ReportsItServing_StaysReadyWhenItIsUnreachable()
    {
        // Arrange: a node on the primary with the replica and a 5 s bound, once the replica serves.
        var database = await servers.Primary.CreateDatabaseAsync();
        await using var node = new ConfiguredConsoleApplication(new Dictionary<string, string?>
        {
            ["EdgeKv:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Admin"] = database,
            ["ConnectionStrings:KvReplica"] = servers.ReplicaOf(database),
            ["EdgeKv:Storage:MaxReplicaLag"] = "00:00:05",
        });
        using var client = node.CreateClient();
        var registry = (PostgresKvStoreRegistry)node.Services.GetRequiredService<IKvStoreRegistry>();
        await WaitForAsync(registry, KvReplicaHealth.Serving);

        // Act
        var (servingStatus, serving) = await ReadyAsync(client);

        // Assert
        Assert.Equal(HttpStatusCode.OK, servingStatus);
        Assert.Equal("Serving", serving.GetProperty("health").GetString());
        Assert.InRange(serving.GetProperty("lag-ms").GetInt64(), 0, 5_000);
        Assert.Equal(5_000, serving.GetProperty("max-lag-ms").GetInt64());

        // Act: the replica's server stops.
        await servers.Replica.StopAsync();
        try
        {
            await WaitForAsync(registry, KvReplicaHealth.Unreachable);
            var (goneStatus, gone) = await ReadyAsync(client);

            // Assert: still ready, the replica reported unreachable.
            Assert.Equal(HttpStatusCode.OK, goneStatus);
            Assert.Equal("Unreachable", gone.GetProperty("health").GetString());
        }
        finally
        {
            await servers.Replica.StartAgainAsync();
        }
    }

    [Fact]
    public async Task Readyz_NodeWithoutAReplica_NotConfigured()
    {
        await using var node = new ConfiguredConsoleApplication(new Dictionary<string, string?>());
        using var client = node.CreateClient();

        var (status, replica) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("NotConfigured", replica.GetProperty("health").GetString());
        Assert.Equal(JsonValueKind.Null, replica.GetProperty("lag-ms").ValueKind);
        Assert.Equal(60_000, replica.GetProperty("max-lag-ms").GetInt64());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Replica)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/readyz", Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (response.StatusCode, body.RootElement.GetProperty("replica").Clone());
    }

    private static async Task WaitForAsync(PostgresKvStoreRegistry registry, KvReplicaHealth health)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(WaitLimit);
        var state = registry.Replica;
        while (state.Health != health)
        {
            state = await registry.NextReplicaMeasurementAsync(timeout.Token);
        }
    }
}
