using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeKv.Core.Sqlite;

/// <summary>
/// Tuning of a <see cref="SqliteKvStore"/>. The defaults suit a server; tests shorten the background intervals.
/// None of them weakens durability: every acknowledged commit is fsynced whatever the options.
/// </summary>
public sealed record SqliteKvStoreOptions
{
    /// <summary>The clock that decides expiry (tests may pass a controllable one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Read connections kept open for reuse (more are opened under load and closed after).</summary>
    public int ReadConnectionPoolSize { get; init; } = 8;

    /// <summary>Most commits applied in one SQLite transaction (one fsync) when several are queued.</summary>
    public int MaxGroupCommitSize { get; init; } = 256;

    /// <summary>
    /// Longest wait between two expiry sweeps. The sweeper also wakes when the earliest known expiry is due, so this
    /// only bounds how late a key expired by another process's clock is physically removed.
    /// </summary>
    public TimeSpan MaxExpirySweepInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For tests that sweep by hand on a hand-moved clock: without the background sweeper, no sweep can race the
    /// test's own (the sweeper may otherwise wake between a write and the clock's move and find the row expired).
    /// </summary>
    internal bool RunsBackgroundSweeper { get; init; } = true;

    /// <summary>How often the background checkpointer copies the write-ahead log into the database file.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Commits after which the checkpointer runs without waiting for its interval.</summary>
    public int CheckpointAfterCommits { get; init; } = 256;

    /// <summary>
    /// Changes buffered per change-feed reader; past this, new changes are merged into the last buffered one
    /// (no change is lost and the writer never waits for a slow reader).
    /// </summary>
    public int ChangeFeedBufferSize { get; init; } = 1024;

    /// <summary>
    /// Bytes of deletions remembered for watches resumed from a versionstamp (see <see cref="Store.IKvDeletionLog"/>):
    /// each counts its key plus 16 bytes. Past this, the oldest are forgotten until half remains; a watch resumed from
    /// before what is kept starts over from the full current state instead. Bounded in bytes, not count, because this
    /// space is not charged to the namespace's quota: 16 MiB is about 300,000 deletions of 40-byte keys.
    /// </summary>
    public long KeptDeletionBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Where the store reports failures of its background tasks (expiry sweep, checkpoint), which it retries on its own.
    /// Hosts pass one from their logger factory; the default discards them.
    /// </summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The options every store uses unless told otherwise.</summary>
    public static SqliteKvStoreOptions Default { get; } = new();
}
