using EdgeKv.Core.Replication;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Nodes;
using EdgeKv.Domain.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeKv.Domain.Tests.Nodes;

/// <summary>
/// Nodes' heartbeats in the real admin database: this node recorded by the background service and removed when it
/// stops, other nodes' recorded beats with their replica states and lag samples, when a node counts as offline, and
/// what the clean-up removes. Rerun on PostgreSQL by <c>NodeHeartbeatTestsOnPostgres</c>.
/// </summary>
public class NodeHeartbeatTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeartbeatService_Started_ListsThisNodeOnlineWithItsEngineAndNoReplica()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync(new Dictionary<string, string?> { ["EdgeKv:Node:Name"] = "edge-a" });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var beats = host.Get<NodeHeartbeats>().Subscribe(stop.Token).GetAsyncEnumerator(stop.Token);
        var firstBeat = beats.MoveNextAsync().AsTask();
        var service = NewService(host);

        // Act
        await service.StartAsync(Ct);

        // Assert: the first beat is at start, not after an interval.
        Assert.True(await firstBeat.WaitAsync(Timeout, Ct));
        var node = Assert.Single((await host.Get<NodeService>().ListAsync(host.Admin, Ct)).Nodes);
        Assert.Equal("edge-a", node.Name);
        Assert.True(node.IsThisNode);
        Assert.True(node.IsOnline);
        Assert.Equal(host.Provider, node.Engine);
        Assert.Equal(KvReplicaHealth.NotConfigured, node.Replica.Health);
        Assert.Null(node.Replica.Lag);
        Assert.Equal(KvReplicaState.DefaultMaxLag, node.Replica.MaxLag);
        Assert.Empty(node.Lag);
        await service.StopAsync(Ct);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task HeartbeatService_Stopped_RemovesThisNode()
    {
        await using var host = await DomainHost.StartAsync();
        var service = NewService(host);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var beats = host.Get<NodeHeartbeats>().Subscribe(stop.Token).GetAsyncEnumerator(stop.Token);
        await service.StartAsync(Ct);
        Assert.True(await beats.MoveNextAsync().AsTask().WaitAsync(Timeout, Ct));
        Assert.Single(await RowsAsync(host));

        await service.StopAsync(Ct).WaitAsync(Timeout, Ct);

        Assert.Empty(await RowsAsync(host));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Write_ReplicasServingBehindUnreachable_EachListedWithLagBoundAndSamples()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var writer = host.Get<NodeHeartbeatWriter>();
        var now = StoredTime.UtcNow(TimeProvider.System);

        // Act: edge-b's replica measured twice, edge-c's behind, edge-d's not answering.
        await writer.WriteAsync(NodeBeats.Of("edge-b", now.AddSeconds(-5), NodeBeats.Serving(TimeSpan.FromMilliseconds(800), now.AddSeconds(-5)), BId), Ct);
        await writer.WriteAsync(NodeBeats.Of("edge-b", now, NodeBeats.Serving(TimeSpan.FromMilliseconds(1200), now), BId), Ct);
        await writer.WriteAsync(NodeBeats.Of("edge-c", now, NodeBeats.Behind(TimeSpan.FromSeconds(95), now)), Ct);
        await writer.WriteAsync(NodeBeats.Of("edge-d", now, NodeBeats.Unreachable("connection refused")), Ct);

        // Assert
        var nodes = (await host.Get<NodeService>().ListAsync(host.Admin, Ct)).Nodes;
        Assert.Equal(["edge-b", "edge-c", "edge-d"], nodes.Select(n => n.Name));
        var b = nodes[0];
        Assert.Equal(KvReplicaHealth.Serving, b.Replica.Health);
        Assert.Equal(TimeSpan.FromMilliseconds(1200), b.Replica.Lag);
        Assert.Equal([TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1200)], b.Lag.Select(p => p.Lag));
        Assert.Equal(new DateTimeOffset(now, TimeSpan.Zero), b.Replica.MeasuredAt);
        Assert.Equal(KvReplicaHealth.Behind, nodes[1].Replica.Health);
        Assert.Equal(TimeSpan.FromSeconds(95), nodes[1].Replica.Lag);
        Assert.Equal(TimeSpan.FromSeconds(60), nodes[1].Replica.MaxLag);
        Assert.Equal(KvReplicaHealth.Unreachable, nodes[2].Replica.Health);
        Assert.Equal("connection refused", nodes[2].Replica.Error);
        Assert.Equal([null], nodes[2].Lag.Select(p => p.Lag));
        Assert.All(nodes, n => Assert.False(n.IsThisNode));
        Assert.All(nodes, n => Assert.True(n.IsOnline));
    }

    [Fact]
    public async Task List_NodeSilentForThreeIntervals_OnlineThenOfflineAfter()
    {
        // Arrange: a node that beats every 5 s, last heard now.
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        await host.Get<NodeHeartbeatWriter>().WriteAsync(NodeBeats.Of("edge-b", clock.UtcNow, KvReplicaState.NotConfigured), Ct);
        var nodes = host.Get<NodeService>();

        // Act and assert: three missed beats are allowed, a moment more is offline.
        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.True(Assert.Single((await nodes.ListAsync(host.Admin, Ct)).Nodes).IsOnline);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(Assert.Single((await nodes.ListAsync(host.Admin, Ct)).Nodes).IsOnline);
    }

    [Fact]
    public async Task Write_NodeSilentForAnHour_RemovedWithItsSamples()
    {
        // Arrange: edge-b (with a replica) goes silent; this node keeps beating.
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var writer = host.Get<NodeHeartbeatWriter>();
        var thisNode = host.Get<ThisNode>();
        await writer.WriteAsync(NodeBeats.Of("edge-b", clock.UtcNow, NodeBeats.Serving(TimeSpan.FromSeconds(1), clock.UtcNow)), Ct);
        clock.Advance(TimeSpan.FromMinutes(59));
        await writer.WriteAsync(thisNode.Beat(), Ct);
        Assert.Equal(2, (await RowsAsync(host)).Count);

        // Act
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await writer.WriteAsync(thisNode.Beat(), Ct);

        // Assert
        Assert.Equal([thisNode.Id], (await RowsAsync(host)).Select(r => r.Id));
        await using var db = host.CreateDbContext();
        Assert.Empty(await db.NodeLagSamples.ToListAsync(Ct));
    }

    [Fact]
    public async Task Write_SamplesOlderThanTheWindow_Pruned()
    {
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var writer = host.Get<NodeHeartbeatWriter>();
        var id = Guid.NewGuid();
        var first = clock.UtcNow;
        await writer.WriteAsync(NodeBeats.Of("edge-b", first, NodeBeats.Serving(TimeSpan.FromSeconds(1), first), id), Ct);
        clock.Advance(TimeSpan.FromMinutes(30));
        await writer.WriteAsync(NodeBeats.Of("edge-b", clock.UtcNow, NodeBeats.Serving(TimeSpan.FromSeconds(2), clock.UtcNow), id), Ct);

        clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        await writer.WriteAsync(NodeBeats.Of("edge-b", clock.UtcNow, NodeBeats.Serving(TimeSpan.FromSeconds(3), clock.UtcNow), id), Ct);

        var node = Assert.Single((await host.Get<NodeService>().ListAsync(host.Admin, Ct)).Nodes);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], node.Lag.Select(p => p.Lag));
    }

    [Fact]
    public async Task Write_NodeRestartedUnderItsName_EarlierLifeRemovedOnceOffline()
    {
        // Arrange: edge-b's first life beat, then it restarted (a new id) under the same name.
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var writer = host.Get<NodeHeartbeatWriter>();
        var earlier = Guid.NewGuid();
        var later = Guid.NewGuid();
        await writer.WriteAsync(NodeBeats.Of("edge-b", clock.UtcNow, KvReplicaState.NotConfigured, earlier), Ct);
        clock.Advance(TimeSpan.FromSeconds(2));
        await writer.WriteAsync(NodeBeats.Of("edge-b", clock.UtcNow, KvReplicaState.NotConfigured, later), Ct);
        Assert.Equal(2, (await RowsAsync(host)).Count);

        // Act: the earlier life is now offline.
        clock.Advance(TimeSpan.FromSeconds(20));
        await writer.WriteAsync(NodeBeats.Of("edge-b", clock.UtcNow, KvReplicaState.NotConfigured, later), Ct);

        // Assert
        Assert.Equal([later], (await RowsAsync(host)).Select(r => r.Id));
    }

    [Fact]
    public async Task List_AsAUser_RefusedAsAdminOnly()
    {
        await using var host = await DomainHost.StartAsync();
        var (ann, _) = await host.CreateOpenUserAsync("ann");
        await host.Get<NodeHeartbeatWriter>().WriteAsync(host.Get<ThisNode>().Beat(), Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Get<NodeService>().ListAsync(ann, Ct));

        Assert.Equal(DomainErrors.AdminOnly.Code, error.Error.Code);
    }

    [Theory]
    [InlineData("EdgeKv:Node:HeartbeatInterval", "00:00:00.500")]
    [InlineData("EdgeKv:Node:HeartbeatInterval", "00:02:00")]
    [InlineData("EdgeKv:Node:Name", " ")]
    public async Task Options_OutOfBounds_RefusedWithTheSetting(string key, string value)
    {
        await using var host = await DomainHost.StartAsync(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<NodeOptions>>().Value);

        Assert.Equal(NodeOptions.Invalid, Assert.Single(error.Failures));
    }

    [Fact]
    public void DefaultName_MachineAndConsolePort()
    {
        Assert.Equal("web-1:5080", ThisNode.DefaultName("web-1", "http://127.0.0.1:5080"));
        Assert.Equal("web-1", ThisNode.DefaultName("web-1", null));
    }

    private static readonly Guid BId = Guid.NewGuid();

    private static NodeHeartbeatService NewService(DomainHost host) =>
        new(host.Get<ThisNode>(), host.Get<NodeHeartbeatWriter>(), TimeProvider.System, NullLogger<NodeHeartbeatService>.Instance);

    private static async Task<List<NodeHeartbeat>> RowsAsync(DomainHost host)
    {
        await using var db = host.CreateDbContext();
        return await db.NodeHeartbeats.AsNoTracking().ToListAsync(Ct);
    }
}
