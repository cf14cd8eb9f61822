using EdgeKv.Domain.Nodes;
using EdgeKv.Domain.Storage;
using EdgeKv.Domain.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeKv.Domain.Tests.Nodes;

/// <summary>
/// Two nodes (two hosts, each with its own services and heartbeat) on one PostgreSQL admin database: each lists both,
/// itself marked as this node; one that stops cleanly leaves the other's list.
/// </summary>
public sealed class TwoNodeHeartbeatTests : IRunsOnPostgres
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeartbeatServices_TwoNodesOnOneDatabase_EachListsBothAndItself()
    {
        // Arrange
        await using var a = await DomainHost.StartAsync();
        await using var b = await a.StartNodeAsync();
        var serviceA = await StartBeatingAsync(a);
        var serviceB = await StartBeatingAsync(b);

        // Act
        var fromA = (await a.Get<NodeService>().ListAsync(a.Admin, Ct)).Nodes;
        var fromB = (await b.Get<NodeService>().ListAsync(b.Admin, Ct)).Nodes;

        // Assert: the same two nodes, online, each page's own node first.
        var idA = a.Get<ThisNode>().Id;
        var idB = b.Get<ThisNode>().Id;
        Assert.Equal([idA, idB], fromA.Select(n => n.Id));
        Assert.Equal([idB, idA], fromB.Select(n => n.Id));
        Assert.Equal([true, false], fromA.Select(n => n.IsThisNode));
        Assert.Equal([true, false], fromB.Select(n => n.IsThisNode));
        Assert.All(fromA, n => Assert.True(n.IsOnline));
        Assert.All(fromA, n => Assert.Equal(StorageProvider.Postgres, n.Engine));

        // Act: B stops cleanly.
        await serviceB.StopAsync(Ct).WaitAsync(Timeout, Ct);

        // Assert
        Assert.Equal([idA], (await a.Get<NodeService>().ListAsync(a.Admin, Ct)).Nodes.Select(n => n.Id));
        await serviceA.StopAsync(Ct);
    }

    /// <summary>Starts a node's heartbeat and waits for its first beat.</summary>
    private static async Task<NodeHeartbeatService> StartBeatingAsync(DomainHost host)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var beats = host.Get<NodeHeartbeats>().Subscribe(stop.Token).GetAsyncEnumerator(stop.Token);
        var firstBeat = beats.MoveNextAsync().AsTask();
        var service = new NodeHeartbeatService(host.Get<ThisNode>(), host.Get<NodeHeartbeatWriter>(), TimeProvider.System, NullLogger<NodeHeartbeatService>.Instance);
        await service.StartAsync(Ct);
        Assert.True(await firstBeat.WaitAsync(Timeout, Ct));
        await stop.CancelAsync();
        return service;
    }
}
