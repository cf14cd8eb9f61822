using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;
using EdgeKv.Core.Usage;

namespace EdgeKv.Core.Sqlite;

/// <summary>
/// An <see cref="IKvStore"/> in one SQLite file (WAL, <c>synchronous=FULL</c>): every acknowledged commit is fsynced.
/// Commits go through one writer connection and one writer loop, which applies the commits queued at the same time
/// in one transaction (one fsync) while giving each its own versionstamp and outcome. Reads use a small pool of read
/// connections; each read operation is one snapshot. Background tasks remove expired rows and checkpoint the log.
/// Open with <see cref="Open(string, SqliteKvStoreOptions?)"/>; dispose to close (pending commits finish first, change
/// feeds and watches end).
/// </summary>
public sealed partial class SqliteKvStore : IKvStore
{
    private readonly SqliteKvStoreOptions _options;
    private readonly KvByteBudget? _budget;
    private readonly KvUsageCounters _usage;
    private readonly SqliteWriteConnection _writer;
    private readonly SqliteReadPool _readers;
    private readonly ChangeFeed _feed = new();
    private readonly CancellationTokenSource _background = new();
    private readonly KvExpirySweeper _sweeper;
    private readonly Task _checkpointer;
    private int _closed;

    private SqliteKvStore(string path, SqliteKvStoreOptions options, KvByteBudget? budget, KvUsageCounters usage)
    {
        Path = System.IO.Path.GetFullPath(path);
        _options = options;
        _budget = budget;
        _usage = usage;
        _writer = new SqliteWriteConnection(Path);
        long earliestExpiryMs;
        try
        {
            (_lastVersion, _stats) = _writer.ReadMeta();
            _keptDeletionBytes = _writer.DeletionBytes();
            earliestExpiryMs = _writer.EarliestExpiry();
            _readers = new SqliteReadPool(Path, options.ReadConnectionPoolSize);
        }
        catch
        {
            _writer.Dispose();
            throw;
        }

        _sweeper = new KvExpirySweeper(
            earliestExpiryMs,
            options.MaxExpirySweepInterval,
            options.Clock,
            SweepExpiredAsync,
            (e, retryMs) => KvStoreLog.SweepFailed(options.Logger, Path, retryMs, e));
        if (options.RunsBackgroundSweeper)
        {
            _sweeper.Start();
        }

        _checkpointer = Task.Run(() => RunCheckpointerAsync(_background.Token));
    }

    /// <summary>The full path of the store's SQLite file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if missing) the store in the SQLite file <paramref name="path"/>.</summary>
    public static SqliteKvStore Open(string path, SqliteKvStoreOptions? options = null) => Open(path, options, null, new KvUsageCounters());

    /// <summary>
    /// Opens a store whose growth is charged to <paramref name="budget"/> (the registry's budget groups) and whose
    /// operations are counted into <paramref name="usage"/> (the registry's usage meter).
    /// </summary>
    internal static SqliteKvStore Open(string path, SqliteKvStoreOptions? options, KvByteBudget? budget, KvUsageCounters usage)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new SqliteKvStore(path, options ?? SqliteKvStoreOptions.Default, budget, usage);
    }

    /// <summary>The stored bytes as of the last durable commit (the figure the store adds to its budget group).</summary>
    internal long StoredBytes => Volatile.Read(ref _stats).StoredBytes;

    /// <inheritdoc />
    public KvAtomicOperation Atomic() => new(this);

    /// <inheritdoc />
    public Task<KvStoreStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(0, static (connection, _) => connection.ReadStats()));

    /// <summary>Closes the store: pending commits finish, feeds and watches end, the log is checkpointed, files closed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        await _background.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_sweeper.DisposeAsync().AsTask(), _checkpointer).ConfigureAwait(false);
        await DrainWriterAsync().ConfigureAwait(false);
        _feed.Complete();
        try
        {
            _writer.CheckpointTruncate();
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // A reader still inside a snapshot can block the truncation; the log is then checkpointed on next open.
        }

        _readers.Dispose();
        _writer.Dispose();
        _background.Dispose();
    }

    /// <summary>Waits until no caller is submitting and every accepted request has been applied.</summary>
    private async Task DrainWriterAsync()
    {
        while (Volatile.Read(ref _submitting) != 0 || Volatile.Read(ref _writerBusy) != 0 || !_pending.IsEmpty)
        {
            if (Volatile.Read(ref _submitting) == 0 && TryTakeWriter())
            {
                RunWriter(inline: false);
                continue;
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    private bool IsClosed => Volatile.Read(ref _closed) != 0;

    private void ThrowIfClosed()
    {
        if (IsClosed)
        {
            throw new KvException(KvErrorCode.StoreClosed);
        }
    }

    private long NowMs() => SqliteRows.NowMs(_options.Clock);

    /// <summary>
    /// Runs <paramref name="read"/> on a rented read connection. A connection that failed mid-read is closed rather
    /// than pooled, so no half-finished snapshot is ever reused.
    /// </summary>
    private T Read<TState, T>(TState state, Func<SqliteReadConnection, TState, T> read)
    {
        ThrowIfClosed();
        SqliteReadConnection connection;
        try
        {
            connection = _readers.Rent();
        }
        catch (ObjectDisposedException)
        {
            throw new KvException(KvErrorCode.StoreClosed);
        }

        T result;
        try
        {
            result = read(connection, state);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _readers.Return(connection);
        return result;
    }
}
