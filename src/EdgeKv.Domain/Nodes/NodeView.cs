using EdgeKv.Core.Replication;
using EdgeKv.Domain.Storage;

namespace EdgeKv.Domain.Nodes;

/// <summary>A node as the console's node page shows it.</summary>
/// <param name="Id">The process's id.</param>
/// <param name="Name">The node's name.</param>
/// <param name="ConsoleUrl">Its console's address; null when none is bound.</param>
/// <param name="Engine">Its KV engine's backend.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="LastSeenAt">Its last heartbeat (UTC).</param>
/// <param name="IsOnline">False once it missed <see cref="NodeLiveness.MissedBeatsOffline"/> heartbeats.</param>
/// <param name="IsThisNode">True for the node that answers the page.</param>
/// <param name="Replica">Its replica as it last reported it.</param>
/// <param name="Lag">Its lag samples in the window, oldest first.</param>
public sealed record NodeView(
    Guid Id,
    string Name,
    string? ConsoleUrl,
    StorageProvider Engine,
    DateTime StartedAt,
    DateTime LastSeenAt,
    bool IsOnline,
    bool IsThisNode,
    KvReplicaState Replica,
    IReadOnlyList<NodeLagPoint> Lag);
