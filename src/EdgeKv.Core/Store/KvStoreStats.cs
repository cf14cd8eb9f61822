namespace EdgeKv.Core.Store;

/// <summary>
/// What a store holds: live keys and the bytes of their keys and values (the figure quotas are charged in),
/// kept exact and transactional with every commit.
/// </summary>
public sealed record KvStoreStats(long KeyCount, long StoredBytes);
