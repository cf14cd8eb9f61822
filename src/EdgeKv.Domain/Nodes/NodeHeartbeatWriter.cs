using EdgeKv.Core.Replication;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Nodes;

/// <summary>
/// Records heartbeats in the admin database: a node's row (inserted at its first beat, rewritten at each), a lag
/// sample when it has a replica, and the clean-up every beat does in passing (samples older than the chart's window,
/// nodes silent past <see cref="NodeLiveness.RemoveAfter"/>, and the offline rows of this node's earlier lives, same
/// name, other id). Each node writes only its own row, so nodes never contend for one.
/// </summary>
public sealed class NodeHeartbeatWriter
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly NodeHeartbeats _heartbeats;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public NodeHeartbeatWriter(IDbContextFactory<EdgeKvDbContext> dbFactory, NodeHeartbeats heartbeats, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _heartbeats = heartbeats;
        _time = time;
    }

    /// <summary>Records <paramref name="beat"/>, then tells live pages.</summary>
    public async Task WriteAsync(NodeBeat beat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(beat);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.NodeHeartbeats.FindAsync([beat.NodeId], cancellationToken);
        if (row is null)
        {
            row = new NodeHeartbeat { Id = beat.NodeId };
            db.NodeHeartbeats.Add(row);
        }

        Apply(row, beat);
        if (beat.Replica.Health != KvReplicaHealth.NotConfigured)
        {
            db.NodeLagSamples.Add(new NodeLagSample { NodeId = beat.NodeId, At = beat.At, LagMilliseconds = Milliseconds(beat.Replica.Lag) });
        }

        await db.SaveChangesAsync(cancellationToken);
        await RemoveStaleAsync(db, beat, cancellationToken);
        _heartbeats.Publish(beat.At);
    }

    /// <summary>Removes a node that stops cleanly (its samples go with it), then tells live pages.</summary>
    public async Task RemoveAsync(Guid nodeId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await db.NodeHeartbeats.Where(node => node.Id == nodeId).ExecuteDeleteAsync(cancellationToken);
        _heartbeats.Publish(_time.UtcNow());
    }

    private async Task RemoveStaleAsync(EdgeKvDbContext db, NodeBeat beat, CancellationToken cancellationToken)
    {
        var now = _time.UtcNow();
        var samplesBefore = now - NodeLiveness.SampleRetention;
        var silentSince = now - NodeLiveness.RemoveAfter;
        await db.NodeLagSamples.Where(sample => sample.At < samplesBefore).ExecuteDeleteAsync(cancellationToken);

        // The foreign key cascades: a removed node's samples go with it.
        await db.NodeHeartbeats.Where(node => node.LastSeenAt < silentSince).ExecuteDeleteAsync(cancellationToken);

        // A node restarted under its name is the same node to a person: its earlier life goes once it is offline.
        var namesakes = await db.NodeHeartbeats.AsNoTracking()
            .Where(node => node.Name == beat.Name && node.Id != beat.NodeId)
            .Select(node => new { node.Id, node.LastSeenAt, node.HeartbeatInterval })
            .ToListAsync(cancellationToken);
        var earlierLives = namesakes.Where(node => !NodeLiveness.IsOnline(node.LastSeenAt, node.HeartbeatInterval, now)).Select(node => node.Id).ToList();
        if (earlierLives.Count > 0)
        {
            await db.NodeHeartbeats.Where(node => earlierLives.Contains(node.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static void Apply(NodeHeartbeat row, NodeBeat beat)
    {
        row.Name = beat.Name;
        row.ConsoleUrl = beat.ConsoleUrl;
        row.Engine = beat.Engine;
        row.StartedAt = StoredTime.ToMicroseconds(beat.StartedAt);
        row.LastSeenAt = StoredTime.ToMicroseconds(beat.At);
        row.HeartbeatInterval = beat.Interval;
        row.ReplicaHealth = beat.Replica.Health;
        row.ReplicaLagMilliseconds = Milliseconds(beat.Replica.Lag);
        row.ReplicaMaxLagMilliseconds = (long)beat.Replica.MaxLag.TotalMilliseconds;
        row.ReplicaMeasuredAt = beat.Replica.MeasuredAt is { } measured ? StoredTime.ToMicroseconds(measured.UtcDateTime) : null;
        row.ReplicaError = beat.Replica.Error is { Length: > NodeHeartbeat.MaxErrorLength } error ? error[..NodeHeartbeat.MaxErrorLength] : beat.Replica.Error;
    }

    private static long? Milliseconds(TimeSpan? value) => value is { } lag ? (long)lag.TotalMilliseconds : null;
}
