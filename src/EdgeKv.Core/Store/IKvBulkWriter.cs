namespace EdgeKv.Core.Store;

/// <summary>
/// Part of every <see cref="IKvStore"/>: it commits one atomic write with more mutations than Deno's <see cref="KvLimits.MaxMutations"/>, up to
/// <see cref="KvBulkLimits.MaxMutations"/>: the HTTP API's bulk endpoints write up to 10,000 keys (each with its
/// metadata companion) all or nothing. A method of its own, not a larger limit on
/// <see cref="IKvStore.CommitAsync"/>, so the Deno-compatible surface keeps Deno's limits; every other rule of <see cref="IKvStore.CommitAsync"/> applies unchanged (checks, key and value
/// sizes, <see cref="KvLimits.MaxTotalMutationBytes"/>, budgets, durability, one versionstamp, one change).
/// </summary>
public interface IKvBulkWriter
{
    /// <summary>
    /// Applies checks and up to <see cref="KvBulkLimits.MaxMutations"/> mutations all or nothing, exactly as
    /// <see cref="IKvStore.CommitAsync"/> does (<see cref="KvBulkLimits.TooManyMutations"/> past the limit).
    /// </summary>
    Task<KvCommitResult> CommitBulkAsync(KvAtomicWrite write, CancellationToken cancellationToken = default);
}
