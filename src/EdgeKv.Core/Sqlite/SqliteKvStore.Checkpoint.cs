using EdgeKv.Core.Diagnostics;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    private readonly SemaphoreSlim _checkpointWake = new(0, 1);
    private int _commitsSinceCheckpoint;
    private int _catchUpCheckpointDue;

    /// <summary>
    /// Copies the write-ahead log back into the database file. The writer has automatic checkpoints turned off, so a
    /// commit never pays for a whole one: this task copies the bulk from a connection of its own (PASSIVE: it blocks
    /// neither the writer nor readers). But SQLite restarts the log from its beginning only once every frame is
    /// copied, and under a steady stream of commits the writer always appends a few frames while the copy runs, so
    /// the log would grow for ever (and growing-file fsyncs cost more than overwrites). So after each copy the writer
    /// is asked to copy the few frames appended meanwhile itself, between two commits
    /// (<see cref="CatchUpCheckpointIfDue"/>); its next commit then restarts the log. (The copy's own report cannot
    /// tell whether frames were appended during it: it counts the log as it was when the copy began.)
    /// </summary>
    private async Task RunCheckpointerAsync(CancellationToken cancellationToken)
    {
        Microsoft.Data.Sqlite.SqliteConnection connection;
        try
        {
            connection = SqliteConnections.Open(Path, SqliteStatements.CheckpointerPragmas);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // Without its own connection the log is checkpointed when the store closes.
            KvMetrics.BackgroundFailed("checkpoint");
            KvStoreLog.CheckpointerUnavailable(_options.Logger, Path, e);
            return;
        }

        using (connection)
        {
            await CheckpointUntilCancelledAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckpointUntilCancelledAsync(Microsoft.Data.Sqlite.SqliteConnection connection, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _checkpointWake.WaitAsync(_options.CheckpointInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (Interlocked.Exchange(ref _commitsSinceCheckpoint, 0) == 0)
            {
                continue;
            }

            try
            {
                CheckpointRound(connection);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                // Retried at the next interval; the log only grows meanwhile, nothing is at risk.
                Interlocked.Increment(ref _commitsSinceCheckpoint);
                KvMetrics.BackgroundFailed("checkpoint");
                KvStoreLog.CheckpointFailed(_options.Logger, Path, e);
            }
        }
    }

    /// <summary>One background round: copy the bulk of the log, then have the writer finish the copy.</summary>
    internal void CheckpointRound(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        SqliteConnections.CheckpointPassive(connection);
        Volatile.Write(ref _catchUpCheckpointDue, 1);
    }

    /// <summary>Called by the writer between transactions: finishes a checkpoint the background copy left incomplete.</summary>
    private void CatchUpCheckpointIfDue()
    {
        if (Volatile.Read(ref _catchUpCheckpointDue) == 0 || Interlocked.Exchange(ref _catchUpCheckpointDue, 0) == 0)
        {
            return;
        }

        try
        {
            _writer.CheckpointPassive();
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // The next background round tries again.
            KvMetrics.BackgroundFailed("checkpoint");
            KvStoreLog.CatchUpCheckpointFailed(_options.Logger, Path, e);
        }
    }
}
