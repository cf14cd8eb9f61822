using EdgeKv.Core.Keys;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Values;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Core.Tests.Reliability;

/// <summary>
/// A background task that fails is not silent (issue 11): the expiry sweep, made to fail inside SQLite itself, is
/// logged as a warning with the store's path and the error, and retried until it succeeds once the cause is gone.
/// </summary>
public sealed class BackgroundFailureTests
{
    private const int SweepFailedEventId = 1001;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_FailingInTheDatabase_LoggedThenRetriedUntilTheRowsAreGone()
    {
        // Arrange: a store that sweeps often, and a trigger that makes every delete from its rows fail, as a full
        // disk or a damaged file would.
        var logger = new RecordingLogger();
        await using var db = TestStore.Create(new SqliteKvStoreOptions { Logger = logger, MaxExpirySweepInterval = TimeSpan.FromMilliseconds(100) });
        await ExecuteAsync(db.FilePath, "CREATE TRIGGER refuse_deletes BEFORE DELETE ON kv BEGIN SELECT RAISE(ABORT, 'deletes refused by the test'); END;");

        // Act
        await db.Store.SetAsync(KvKey.Of("short-lived"), KvValue.Text("x"), TimeSpan.FromMilliseconds(10), _ct);
        var logged = await Eventually.HoldsAsync(() => Task.FromResult(logger.Entries.Any(e => e.EventId.Id == SweepFailedEventId)));
        var visibleWhileFailing = (await db.Store.GetAsync(KvKey.Of("short-lived"), cancellationToken: _ct)).Exists;
        await ExecuteAsync(db.FilePath, "DROP TRIGGER refuse_deletes;");
        var swept = await Eventually.HoldsAsync(async () => await RowCountAsync(db.FilePath) == 0);

        // Assert
        Assert.True(logged);
        var failure = logger.Entries.First(e => e.EventId.Id == SweepFailedEventId);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Contains(db.FilePath, failure.Message, StringComparison.Ordinal);
        Assert.Contains("deletes refused by the test", failure.Exception?.ToString(), StringComparison.Ordinal);
        Assert.False(visibleWhileFailing);
        Assert.True(swept);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; " + sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> RowCountAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM kv";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
