namespace EdgeKv.Domain.Nodes;

/// <summary>How this node names itself and how often it says it is alive, bound from <c>EdgeKv:Node</c> (docs/cluster.md).</summary>
public sealed class NodeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "EdgeKv:Node";

    /// <summary>The longest name accepted (the column's length).</summary>
    public const int MaxNameLength = 100;

    /// <summary>The start-up message for a name or interval out of bounds.</summary>
    public const string Invalid = "EdgeKv:Node:Name must be at most 100 characters and EdgeKv:Node:HeartbeatInterval between 00:00:01 and 00:01:00.";

    /// <summary>Shortest heartbeat interval accepted.</summary>
    public static readonly TimeSpan MinHeartbeatInterval = TimeSpan.FromSeconds(1);

    /// <summary>Longest heartbeat interval accepted: a node silent for a minute is long offline.</summary>
    public static readonly TimeSpan MaxHeartbeatInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The node's name in the console (<c>EdgeKv:Node:Name</c>). Unset, it is the machine's name and the console's
    /// port (<c>web-1:5080</c>), which tells apart two nodes on one machine as well as nodes on several.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>How often the node records itself in the admin database (<c>EdgeKv:Node:HeartbeatInterval</c>).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>True when the name and the interval are within bounds.</summary>
    public bool IsValid =>
        (Name is null || (!string.IsNullOrWhiteSpace(Name) && Name.Length <= MaxNameLength))
        && HeartbeatInterval >= MinHeartbeatInterval && HeartbeatInterval <= MaxHeartbeatInterval;
}
