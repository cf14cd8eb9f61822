namespace EdgeKv.Core.Store;

/// <summary>
/// Read consistency. A single SQLite store is always strongly consistent, so both modes read the latest commit;
/// the mode exists so Deno clients and KV Connect can pass theirs through.
/// </summary>
public enum KvConsistency
{
    /// <summary>See every commit acknowledged before the read began.</summary>
    Strong,

    /// <summary>May be stale in a replicated deployment; here the same as <see cref="Strong"/>.</summary>
    Eventual,
}
