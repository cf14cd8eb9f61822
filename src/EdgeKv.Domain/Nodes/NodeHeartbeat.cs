using EdgeKv.Core.Replication;
using EdgeKv.Domain.Storage;

namespace EdgeKv.Domain.Nodes;

/// <summary>
/// A node's last heartbeat: who it is and what it last said about its storage and its read replica, one row per
/// running process, rewritten every <see cref="NodeOptions.HeartbeatInterval"/> by the node itself
/// (<see cref="NodeHeartbeatWriter"/>). A node that stops cleanly deletes its row; a silent one is removed after
/// <see cref="NodeLiveness.RemoveAfter"/>.
/// </summary>
public class NodeHeartbeat
{
    /// <summary>The process's id, new at every start.</summary>
    public Guid Id { get; set; }

    /// <summary>The node's name (<see cref="NodeOptions.Name"/>).</summary>
    public string Name { get; set; } = "";

    /// <summary>The console's address on the node (<c>http://127.0.0.1:5080</c>); null when it has none bound.</summary>
    public string? ConsoleUrl { get; set; }

    /// <summary>The KV engine's backend on the node.</summary>
    public StorageProvider Engine { get; set; }

    /// <summary>When the process started (UTC).</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>The node's last heartbeat (UTC, the node's clock).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>The node's heartbeat interval, so its silence is judged by its own pace.</summary>
    public TimeSpan HeartbeatInterval { get; set; }

    /// <summary>Its replica's health when it last beat.</summary>
    public KvReplicaHealth ReplicaHealth { get; set; }

    /// <summary>Its replica's lag in milliseconds; null when not measured.</summary>
    public long? ReplicaLagMilliseconds { get; set; }

    /// <summary>The lag past which its replica stops serving eventual reads, in milliseconds.</summary>
    public long ReplicaMaxLagMilliseconds { get; set; }

    /// <summary>When the lag was measured (UTC); null when never.</summary>
    public DateTime? ReplicaMeasuredAt { get; set; }

    /// <summary>Why the last measurement failed, in the server's words (cut to <see cref="MaxErrorLength"/>).</summary>
    public string? ReplicaError { get; set; }

    /// <summary>The longest replica error kept.</summary>
    public const int MaxErrorLength = 500;
}
