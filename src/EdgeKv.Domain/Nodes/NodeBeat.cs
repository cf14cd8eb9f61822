using EdgeKv.Core.Replication;
using EdgeKv.Domain.Storage;

namespace EdgeKv.Domain.Nodes;

/// <summary>What one heartbeat of a node says (<see cref="ThisNode.Beat"/> makes this node's).</summary>
/// <param name="NodeId">The process's id.</param>
/// <param name="Name">The node's name.</param>
/// <param name="ConsoleUrl">The console's address on the node; null when none is bound.</param>
/// <param name="Engine">The KV engine's backend.</param>
/// <param name="StartedAt">When the process started (UTC).</param>
/// <param name="At">When the heartbeat was made (UTC).</param>
/// <param name="Interval">The node's heartbeat interval.</param>
/// <param name="Replica">The node's read replica as last measured.</param>
public sealed record NodeBeat(
    Guid NodeId, string Name, string? ConsoleUrl, StorageProvider Engine, DateTime StartedAt, DateTime At, TimeSpan Interval, KvReplicaState Replica);
