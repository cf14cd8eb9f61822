using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using static EdgeKv.Core.Tests.Support.Keys;

namespace EdgeKv.Core.Tests.Sqlite;

/// <summary>
/// The write-ahead log is checkpointed off the writer's path and then restarted from its beginning, so a steady
/// stream of commits overwrites a small log instead of growing it for ever.
/// </summary>
public sealed class SqliteKvStoreCheckpointTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckpointRound_CopyLeftIncomplete_WriterFinishesItAndTheLogRestarts()
    {
        // Background checkpoints effectively off, so the test drives the one round it checks.
        await using var db = TestStore.Create(new SqliteKvStoreOptions { CheckpointInterval = TimeSpan.FromHours(1), CheckpointAfterCommits = int.MaxValue });
        for (var i = 0; i < 50; i++)
        {
            await db.Store.SetAsync(K("k", i), Text("v"), cancellationToken: _ct);
        }

        var saltsBefore = LogSalts(db.FilePath);
        using var checkpointer = Open(db.FilePath);
        using (var reader = Open(db.FilePath))
        {
            // A reader pinned on an older snapshot stops the background copy short of the newest frames, as commits
            // appended during a copy do under load.
            Execute(reader, "BEGIN; SELECT count(*) FROM kv;");
            await db.Store.SetAsync(K("newer"), Text("v"), cancellationToken: _ct);
            db.Store.CheckpointRound(checkpointer);
            Execute(reader, "COMMIT");
        }

        await db.Store.SetAsync(K("during"), Text("v"), cancellationToken: _ct); // the writer finishes the copy after it
        await db.Store.SetAsync(K("after"), Text("v"), cancellationToken: _ct);  // so this commit restarts the log

        Assert.NotEqual(saltsBefore, LogSalts(db.FilePath)); // SQLite changes the log's salts each time it restarts it
        Assert.Equal(53, (await db.Store.GetStatsAsync(_ct)).KeyCount);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The two salts of the log's header (bytes 16–23), read from the file without touching SQLite's state.</summary>
    private static string LogSalts(string databasePath)
    {
        using var file = new FileStream(databasePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[32];
        file.ReadExactly(header);
        return Convert.ToHexString(header, 16, 8);
    }
}
