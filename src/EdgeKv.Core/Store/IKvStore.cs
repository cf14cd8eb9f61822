using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Store;

/// <summary>
/// One namespace's key-value store with Deno KV's semantics. Reads are snapshot reads; commits are serialized and
/// each gets a strictly increasing <see cref="Versionstamp"/>; a commit that returned is durable (fsynced). Expired
/// keys are invisible to every read from the moment they expire. Thread-safe. Errors are <see cref="KvException"/>s
/// with a <see cref="KvException.Code"/> and the messages of <see cref="KvErrors"/>, and a call that throws has
/// changed nothing. This is the whole contract of a backend: besides Deno's surface, every store commits in bulk
/// (<see cref="IKvBulkWriter"/>), remembers its recent deletions (<see cref="IKvDeletionLog"/>) and reads raw key
/// ranges (<see cref="IKvRawRangeReader"/>); those capabilities are separate interfaces only so each reads apart, and
/// no caller needs to test for them. Every backend passes the conformance suite (tests/EdgeKv.Core.Tests/Conformance).
/// </summary>
public interface IKvStore : IKvBulkWriter, IKvDeletionLog, IKvRawRangeReader, IAsyncDisposable
{
    /// <summary>The entry of <paramref name="key"/>, or a miss.</summary>
    Task<KvEntry> GetAsync(KvKey key, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default);

    /// <summary>The entries of up to <see cref="KvLimits.MaxReadRanges"/> keys, read in one snapshot, in the given order.</summary>
    Task<IReadOnlyList<KvEntry>> GetManyAsync(IReadOnlyList<KvKey> keys, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default);

    /// <summary>One batch of a list (one snapshot); pass its cursor back in <see cref="KvListOptions.Cursor"/> for the next.</summary>
    Task<KvListPage> ListPageAsync(KvListSelector selector, KvListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>All entries a selector matches, up to the options' limit, read batch by batch (each batch a snapshot).</summary>
    IAsyncEnumerable<KvEntry> ListAsync(KvListSelector selector, KvListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many live keys <paramref name="selector"/> matches now, counted without reading values (a count walks the
    /// range: milliseconds for 100,000 keys, proportional to the range).
    /// </summary>
    Task<long> CountAsync(KvListSelector selector, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cursor from which an ascending list of <paramref name="selector"/> starts at its key number
    /// <paramref name="count"/> (0-based), found without reading values: "" (the start) for 0, null when fewer keys
    /// than that are live. Lets a console jump to page N without walking N pages.
    /// </summary>
    Task<string?> SkipAsync(KvListSelector selector, long count, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/>, optionally expiring; returns the commit's versionstamp.</summary>
    Task<Versionstamp> SetAsync(KvKey key, KvValue value, TimeSpan? expireIn = null, CancellationToken cancellationToken = default);

    /// <summary>Removes <paramref name="key"/> (a no-op when absent); returns the commit's versionstamp.</summary>
    Task<Versionstamp> DeleteAsync(KvKey key, CancellationToken cancellationToken = default);

    /// <summary>Starts an atomic operation: chain checks and mutations, then commit.</summary>
    KvAtomicOperation Atomic();

    /// <summary>Applies checks and mutations all or nothing. A failed check returns <see cref="KvCommitResult.CheckFailed"/>.</summary>
    Task<KvCommitResult> CommitAsync(KvAtomicWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follows up to <see cref="KvLimits.MaxWatchedKeys"/> keys: first their current entries, then their latest
    /// entries whenever any of their versionstamps changes (intermediate states may be merged). Ends when
    /// <paramref name="cancellationToken"/> is cancelled or the store is disposed.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<KvEntry>> WatchAsync(IReadOnlyList<KvKey> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// The change feed from now on: one <see cref="KvChange"/> per commit or expiry sweep, in commit order. A reader
    /// that falls far behind loses nothing but may receive changes merged. Ends on cancellation or disposal.
    /// </summary>
    IAsyncEnumerable<KvChange> ChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Live keys and stored bytes.</summary>
    Task<KvStoreStats> GetStatsAsync(CancellationToken cancellationToken = default);
}
