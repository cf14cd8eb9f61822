using EdgeKv.Core.Replication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// How the PostgreSQL backend reaches its database, and its tuning. None of the tuning weakens durability: every
/// acknowledged commit is flushed to the server's write-ahead log (<c>synchronous_commit = on</c>) whatever the options.
/// </summary>
public sealed record PostgresKvStoreOptions
{
    /// <summary>The Npgsql connection string of the database that holds the namespaces (shared by every node).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// The Npgsql connection string of a streaming replica of <see cref="ConnectionString"/>'s server (made with
    /// <c>pg_basebackup -R</c>), or null for none. When set, eventual reads go to it while it is within
    /// <see cref="MaxReplicaLag"/> (ADR 0014); strong reads, writes, watches and the change feed never do.
    /// </summary>
    public string? ReplicaConnectionString { get; init; }

    /// <summary>How far behind the primary the replica may be and still serve eventual reads (default 60 s, EdgeOne's promise).</summary>
    public TimeSpan MaxReplicaLag { get; init; } = KvReplicaState.DefaultMaxLag;

    /// <summary>How often the replica's lag is measured (at least once a second: nothing is polled faster).</summary>
    public TimeSpan ReplicaProbeInterval { get; init; } = MinReplicaProbeInterval;

    /// <summary>The shortest <see cref="ReplicaProbeInterval"/>.</summary>
    public static readonly TimeSpan MinReplicaProbeInterval = TimeSpan.FromSeconds(1);

    /// <summary>The clock that decides expiry (tests may pass a controllable one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Most commits applied in one transaction (one WAL flush) when several are queued for a namespace.</summary>
    public int MaxGroupCommitSize { get; init; } = 256;

    /// <summary>
    /// Longest wait between two expiry sweeps of a namespace. The sweeper also wakes when the earliest expiry this node
    /// wrote is due, so this bounds how late a key expired by another node's write is physically removed.
    /// </summary>
    public TimeSpan MaxExpirySweepInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>For tests that sweep by hand on a hand-moved clock: no background sweep races the test's own.</summary>
    internal bool RunsBackgroundSweeper { get; init; } = true;

    /// <summary>
    /// Changes buffered per change-feed reader; past this, new changes are merged into the last buffered one (no
    /// change is lost and the writer never waits for a slow reader).
    /// </summary>
    public int ChangeFeedBufferSize { get; init; } = 1024;

    /// <summary>
    /// Bytes of deletions remembered per namespace for watches resumed from a versionstamp (each deletion counts its key
    /// plus 16 bytes); past this the oldest are forgotten until half remains. As SQLite's.
    /// </summary>
    public long KeptDeletionBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// How long the change log keeps a commit's keys for nodes that were not listening (a node that reconnects after
    /// longer misses those changes: its watchers see the state, not each step).
    /// </summary>
    public TimeSpan ChangeLogRetention { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the change listener waits before connecting again after it lost the server.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where background failures (sweeps, the change listener) are reported; the default discards them.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
