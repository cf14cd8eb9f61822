using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Usage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tests.Usage;

/// <summary>The engine's usage counters written to the admin database, on the real engine and a real admin.db.</summary>
public class UsageRecorderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FlushAsync_AfterEngineOperations_OneRowForTheMinuteWithCountsAndStoredBytes()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (_, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var store = await host.Registry.OpenAsync(ns.StoreId, Ct);
        await store.SetAsync(KvKey.Of("a"), KvValue.Text("hello"), cancellationToken: Ct);
        await store.SetAsync(KvKey.Of("b"), KvValue.Text("world"), cancellationToken: Ct);
        await store.DeleteAsync(KvKey.Of("b"), Ct);
        await store.GetManyAsync([KvKey.Of("a"), KvKey.Of("b")], cancellationToken: Ct);

        // Act
        var written = await host.Get<UsageRecorder>().FlushAsync(Ct);

        // Assert
        Assert.Equal(1, written);
        var row = Assert.Single(await Rows(host));
        Assert.Equal(ns.Id, row.NamespaceId);
        Assert.Equal((2L, 0L, 2L, 1L), (row.Reads, row.Lists, row.Writes, row.Deletes));
        Assert.Equal((await store.GetStatsAsync(Ct)).StoredBytes, row.StoredBytes);
        Assert.True(row.BytesWritten > 0);
        Assert.Equal(0, row.Minute.Second);
        Assert.Equal(DateTimeKind.Utc, row.Minute.Kind);
    }

    [Fact]
    public async Task FlushAsync_TwiceInOneMinute_AddsToTheSameRow()
    {
        // Arrange: a clock that stands still, so both flushes land in one minute.
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (_, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var store = await host.Registry.OpenAsync(ns.StoreId, Ct);
        var recorder = host.Get<UsageRecorder>();
        await store.SetAsync(KvKey.Of("a"), KvValue.Text("1"), cancellationToken: Ct);
        await recorder.FlushAsync(Ct);
        await store.SetAsync(KvKey.Of("b"), KvValue.Text("2"), cancellationToken: Ct);

        // Act
        await recorder.FlushAsync(Ct);

        // Assert
        var row = Assert.Single(await Rows(host));
        Assert.Equal(2, row.Writes);
    }

    [Fact]
    public async Task FlushAsync_NothingNew_WritesNothing()
    {
        await using var host = await DomainHost.StartAsync();
        var (_, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await (await host.Registry.OpenAsync(ns.StoreId, Ct)).SetAsync(KvKey.Of("a"), KvValue.Text("1"), cancellationToken: Ct);
        var recorder = host.Get<UsageRecorder>();
        await recorder.FlushAsync(Ct);

        var written = await recorder.FlushAsync(Ct);

        Assert.Equal(0, written);
    }

    [Fact]
    public async Task FlushAsync_NewUnusedNamespace_NoRow()
    {
        await using var host = await DomainHost.StartAsync();
        await host.CreateUserWithNamespaceAsync("ann");

        var written = await host.Get<UsageRecorder>().FlushAsync(Ct);

        Assert.Equal(0, written);
    }

    [Fact]
    public async Task FlushAsync_OnlyTheSizeChanged_ARowWithTheNewSize()
    {
        // Arrange: a flush wrote the size; then the store shrinks with nothing left to count (as when the expiry sweep
        // removes keys: here a delete whose count is drained away).
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (_, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var store = await host.Registry.OpenAsync(ns.StoreId, Ct);
        await store.SetAsync(KvKey.Of("a"), KvValue.Text("1"), cancellationToken: Ct);
        var recorder = host.Get<UsageRecorder>();
        await recorder.FlushAsync(Ct);
        clock.Advance(TimeSpan.FromMinutes(2));
        await store.DeleteAsync(KvKey.Of("a"), Ct);
        host.Registry.Usage.Drain();

        // Act: nothing counted since (the delete's count drained away), only the size moved.
        var written = await recorder.FlushAsync(Ct);

        // Assert
        Assert.Equal(1, written);
        var latest = (await Rows(host)).OrderBy(r => r.Minute).Last();
        Assert.Equal((0L, 0L), (latest.Writes, latest.StoredBytes));
    }

    [Fact]
    public async Task FlushAsync_MinutesOlderThanTheRetention_Pruned()
    {
        // Arrange
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (_, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var store = await host.Registry.OpenAsync(ns.StoreId, Ct);
        var recorder = host.Get<UsageRecorder>();
        await store.SetAsync(KvKey.Of("old"), KvValue.Text("1"), cancellationToken: Ct);
        await recorder.FlushAsync(Ct);
        clock.Advance(UsageRecorder.Retention + TimeSpan.FromMinutes(2));
        await store.SetAsync(KvKey.Of("new"), KvValue.Text("2"), cancellationToken: Ct);

        // Act
        await recorder.FlushAsync(Ct);

        // Assert
        var row = Assert.Single(await Rows(host));
        Assert.Equal(UsageTime.MinuteOf(clock.UtcNow), row.Minute);
    }

    [Fact]
    public async Task DeleteAsync_Namespace_ItsUsageRowsGoWithIt()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var other = await host.Namespaces.CreateAsync(user, "kept", null, Ct);
        await (await host.Registry.OpenAsync(ns.StoreId, Ct)).SetAsync(KvKey.Of("a"), KvValue.Text("1"), cancellationToken: Ct);
        await (await host.Registry.OpenAsync(other.StoreId, Ct)).SetAsync(KvKey.Of("a"), KvValue.Text("1"), cancellationToken: Ct);
        await host.Get<UsageRecorder>().FlushAsync(Ct);
        Assert.Equal(2, (await Rows(host)).Count);

        // Act
        await host.Namespaces.DeleteAsync(user, ns.Id, Ct);

        // Assert
        Assert.Equal(other.Id, Assert.Single(await Rows(host)).NamespaceId);
    }

    [Fact]
    public async Task FlushAsync_CountsOfANamespaceDeletedBeforeTheFlush_Dropped()
    {
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        await (await host.Registry.OpenAsync(ns.StoreId, Ct)).SetAsync(KvKey.Of("a"), KvValue.Text("1"), cancellationToken: Ct);
        await host.Namespaces.DeleteAsync(user, ns.Id, Ct);

        var written = await host.Get<UsageRecorder>().FlushAsync(Ct);

        Assert.Equal(0, written);
        Assert.Empty(await Rows(host));
    }

    [Fact]
    public async Task PutAsync_WhileTheAdminDatabaseIsWriteLocked_CompletesAndTheFlushWritesAfter()
    {
        // Arrange: another connection holds admin.db's write lock. A write that touched the admin database (an audit
        // row, a usage row inside the commit) would wait behind it; a write counted in memory does not.
        Assert.SkipWhen(this is IRunsOnPostgres, "A whole-database write lock is SQLite's; PostgreSQL has none to hold.");
        await using var host = await DomainHost.StartAsync();
        var (user, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var lockHolder = new SqliteConnection($"Data Source={Path.Combine(host.Root, "admin.db")};Default Timeout=1");
        await lockHolder.OpenAsync(Ct);
        var transaction = await lockHolder.BeginTransactionAsync(Ct); // BEGIN IMMEDIATE: the write lock, readers still read

        // Act: writes through the console's path (authorized by the domain, committed by the engine).
        for (var i = 0; i < 20; i++)
        {
            await host.Records.PutAsync(user, ns.Id, $"key{i}", "value", cancellationToken: Ct).WaitAsync(Timeout, Ct);
        }

        await host.Records.DeleteAsync(user, ns.Id, "key0", Ct).WaitAsync(Timeout, Ct);
        var usageRowsWhileLocked = await CountUsageRows(lockHolder);
        await transaction.RollbackAsync(Ct);
        await lockHolder.DisposeAsync();
        await host.Get<UsageRecorder>().FlushAsync(Ct).WaitAsync(Timeout, Ct);

        // Assert
        Assert.Equal(0, usageRowsWhileLocked);
        var row = Assert.Single(await Rows(host));
        Assert.Equal((20L, 1L), (row.Writes, row.Deletes));
    }

    private static async Task<long> CountUsageRows(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM NamespaceUsage";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<List<NamespaceUsageMinute>> Rows(DomainHost host)
    {
        await using var db = host.CreateDbContext();
        return await db.NamespaceUsage.AsNoTracking().OrderBy(u => u.NamespaceId).ToListAsync(Ct);
    }
}
