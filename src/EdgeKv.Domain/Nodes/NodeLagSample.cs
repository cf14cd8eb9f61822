namespace EdgeKv.Domain.Nodes;

/// <summary>
/// One replica lag measurement a node reported with a heartbeat, for the console's lag chart; recorded only by nodes
/// with a replica configured, kept for <see cref="NodeLiveness.SampleRetention"/>, deleted with its node.
/// </summary>
public class NodeLagSample
{
    /// <summary>The row's id.</summary>
    public long Id { get; set; }

    /// <summary>The node (<see cref="NodeHeartbeat.Id"/>).</summary>
    public Guid NodeId { get; set; }

    /// <summary>When the heartbeat carried it (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>The lag in milliseconds; null when the replica could not be measured (unreachable): a gap in the chart.</summary>
    public long? LagMilliseconds { get; set; }
}
