namespace EdgeKv.Core.Store;

/// <summary>
/// Part of every <see cref="IKvStore"/>: it remembers its recent deletions, so a reader who last saw it as of a versionstamp can learn which keys
/// have disappeared since: a deleted key leaves no versionstamp behind to compare. The HTTP API's prefix watch uses it
/// to resume exactly. Bounded: the oldest deletions are forgotten first, and a reader from before what is kept must
/// start over from the current state. A separate interface so Deno's reads of <see cref="IKvStore"/> read apart.
/// </summary>
public interface IKvDeletionLog
{
    /// <summary>
    /// True when every deletion committed after <paramref name="after"/> is still remembered and
    /// <paramref name="after"/> is a versionstamp this store has reached; false means the reader must start over.
    /// </summary>
    Task<bool> RemembersDeletionsAfterAsync(Versionstamp after, CancellationToken cancellationToken = default);

    /// <summary>
    /// The keys <paramref name="selector"/> matches that were deleted (or expired and swept) after
    /// <paramref name="after"/> and are absent now, in key order, read page by page (each page a snapshot). Throws
    /// <see cref="KvException"/> with <see cref="KvErrors.DeletionsForgotten"/> when a page finds deletions after
    /// <paramref name="after"/> already forgotten.
    /// </summary>
    IAsyncEnumerable<KvDeletion> ReadDeletionsAsync(KvListSelector selector, Versionstamp after, CancellationToken cancellationToken = default);
}
