using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Store;

/// <summary>A key that is absent now and the versionstamp of the commit (or expiry sweep) that last deleted it.</summary>
public sealed record KvDeletion(KvKey Key, Versionstamp DeletedAt);
