namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    private readonly SemaphoreSlim _checkpointWake = new(0, 1);
    private int _commitsSinceCheckpoint;

    /// <summary>
    /// Copies the write-ahead log back into the database file from a connection of its own. The writer has automatic
    /// checkpoints turned off, so a commit never pays for one; a PASSIVE checkpoint never blocks the writer or readers,
    /// and once it has copied everything the writer restarts the log from its beginning.
    /// </summary>
    private async Task RunCheckpointerAsync(CancellationToken cancellationToken)
    {
        Microsoft.Data.Sqlite.SqliteConnection connection;
        try
        {
            connection = SqliteConnections.Open(Path, SqliteStatements.CheckpointerPragmas);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return; // without its own connection the log is checkpointed when the store closes
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
                SqliteConnections.Execute(connection, SqliteStatements.CheckpointPassive);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Retried at the next interval; the log only grows meanwhile, nothing is at risk.
                Interlocked.Increment(ref _commitsSinceCheckpoint);
            }
        }
    }
}
