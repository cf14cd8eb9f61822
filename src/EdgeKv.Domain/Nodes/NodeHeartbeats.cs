using EdgeKv.Domain.Events;

namespace EdgeKv.Domain.Nodes;

/// <summary>
/// Tells the console's node page that this node wrote a heartbeat (every few seconds), so it reads every node's
/// again: the page is as fresh as this node's own pace, and no page polls the database on a timer of its own.
/// </summary>
public sealed class NodeHeartbeats : LatestSignal<DateTime>;
