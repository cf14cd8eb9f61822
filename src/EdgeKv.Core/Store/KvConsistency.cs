namespace EdgeKv.Core.Store;

/// <summary>
/// Read consistency (Deno KV's). Strong reads see every commit acknowledged before the read began; so do eventual ones
/// on a single SQLite store and on a PostgreSQL node without a replica. A PostgreSQL node given a streaming replica
/// serves eventual reads (get, getMany, list, raw ranges) from it while its measured lag is within the bound (60 s by
/// default), from the primary otherwise: eventual reads fall back, they are never refused for a lagging replica
/// (ADR 0014). Writes, watches and the change feed always use the primary.
/// </summary>
public enum KvConsistency
{
    /// <summary>See every commit acknowledged before the read began.</summary>
    Strong,

    /// <summary>May miss commits of the last moments, at most the replica's lag bound (a replica serves it when it may).</summary>
    Eventual,
}
