using EdgeKv.Core.Replication;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Nodes;

/// <summary>The cluster's nodes as their heartbeats left them, for admins only (the console's 节点 page).</summary>
public sealed class NodeService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly ThisNode _thisNode;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public NodeService(IDbContextFactory<EdgeKvDbContext> dbFactory, ThisNode thisNode, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _thisNode = thisNode;
        _time = time;
    }

    /// <summary>Every node heard from within <see cref="NodeLiveness.RemoveAfter"/>, with its lag samples; <see cref="Errors.DomainErrors.AdminOnly"/> for anyone else.</summary>
    public async Task<NodesView> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.RequireAdmin();
        var now = _time.UtcNow();
        var heardSince = now - NodeLiveness.RemoveAfter;
        var windowStart = now - NodeLiveness.SampleRetention;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.NodeHeartbeats.AsNoTracking().Where(node => node.LastSeenAt >= heardSince).ToListAsync(cancellationToken);
        var samples = (await db.NodeLagSamples.AsNoTracking().Where(sample => sample.At >= windowStart).ToListAsync(cancellationToken))
            .GroupBy(sample => sample.NodeId)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<NodeLagPoint>)[.. group.OrderBy(s => s.At).Select(s => new NodeLagPoint(s.At, Lag(s.LagMilliseconds)))]);
        var nodes = rows
            .Select(row => ToView(row, now, samples.GetValueOrDefault(row.Id, [])))
            .OrderByDescending(node => node.IsThisNode).ThenByDescending(node => node.IsOnline).ThenBy(node => node.Name, StringComparer.CurrentCulture)
            .ToList();
        return new NodesView(now, windowStart, nodes);
    }

    private NodeView ToView(NodeHeartbeat row, DateTime now, IReadOnlyList<NodeLagPoint> lag) => new(
        row.Id,
        row.Name,
        row.ConsoleUrl,
        row.Engine,
        row.StartedAt,
        row.LastSeenAt,
        NodeLiveness.IsOnline(row.LastSeenAt, row.HeartbeatInterval, now),
        row.Id == _thisNode.Id,
        new KvReplicaState(
            row.ReplicaHealth,
            Lag(row.ReplicaLagMilliseconds),
            TimeSpan.FromMilliseconds(row.ReplicaMaxLagMilliseconds),
            row.ReplicaMeasuredAt is { } measured ? new DateTimeOffset(measured, TimeSpan.Zero) : null,
            row.ReplicaError),
        lag);

    private static TimeSpan? Lag(long? milliseconds) => milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}
