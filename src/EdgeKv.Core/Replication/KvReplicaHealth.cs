namespace EdgeKv.Core.Replication;

/// <summary>Whether a node's read replica may serve eventual reads now.</summary>
public enum KvReplicaHealth
{
    /// <summary>The node has no replica: every read goes to the primary (SQLite, or PostgreSQL without one).</summary>
    NotConfigured,

    /// <summary>The replica answers and is within the lag bound: eventual reads go to it.</summary>
    Serving,

    /// <summary>The replica answers but is further behind than the bound: eventual reads go to the primary until it catches up.</summary>
    Behind,

    /// <summary>The replica does not answer: eventual reads go to the primary until it does.</summary>
    Unreachable,
}
