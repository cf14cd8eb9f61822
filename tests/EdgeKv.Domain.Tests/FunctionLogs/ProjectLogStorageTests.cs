using EdgeKv.Domain.Errors;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Domain.Storage;
using EdgeKv.Domain.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tests.FunctionLogs;

/// <summary>
/// The functions' logs in the admin database: what one host wrote is there for the next host on the same database
/// (a restart, another node), bounded to the newest thousand per project, gone with its project, and written in
/// batches.
/// </summary>
public class ProjectLogStorageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Follow_OnANewHostAfterTheWriterFlushed_ShowsTheLinesAsWritten()
    {
        // Arrange
        await using var first = await DomainHost.StartAsync();
        var owner = await first.CreateUserAsync("ann");
        var stranger = await first.CreateUserAsync("bob");
        var project = await first.Projects.CreateAsync(owner, "blog", null, Ct);
        var book = first.Get<ProjectLogBook>();
        book.Write(project.Id, ProjectLogLevel.Warning, "slow answer", "/api/users/42");
        book.Write(project.Id, ProjectLogLevel.Info, new HostLogLine(ProjectLogCodes.RuntimeStarted, ["7"], "Runtime started (deployment 7)."));

        // Act
        await first.Get<ProjectLogWriter>().FlushAsync(Ct);
        await using var second = await OnTheSameDatabaseAsync(first);
        var snapshot = (await second.Get<ProjectLogService>().FollowAsync(owner, project.Id, Ct)).Snapshot;

        // Assert
        Assert.Equal(
            [("slow answer", "/api/users/42", ProjectLogLevel.Warning, (string?)null, ""), ("Runtime started (deployment 7).", null, ProjectLogLevel.Info, ProjectLogCodes.RuntimeStarted, "7")],
            snapshot.Select(e => (e.Message, e.Path, e.Level, e.Code, string.Join(",", e.Arguments))));
        Assert.All(snapshot, e => Assert.Equal(book.Writer, e.Writer));
        Assert.All(snapshot, e => Assert.InRange(DateTime.UtcNow - e.Time, TimeSpan.Zero, TimeSpan.FromMinutes(5)));
        Assert.All(snapshot, e => Assert.Equal(DateTimeKind.Utc, e.Time.Kind));
        await DomainAssert.RefusedAsync(DomainErrors.ProjectNotFound, () => second.Get<ProjectLogService>().FollowAsync(stranger, project.Id, Ct));
    }

    [Fact]
    public async Task Follow_LinesWrittenAndNotYetFlushed_InTheSnapshotOnce()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var owner = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(owner, "blog", null, Ct);
        var book = host.Get<ProjectLogBook>();
        book.Write(project.Id, ProjectLogLevel.Info, "flushed");
        await host.Get<ProjectLogWriter>().FlushAsync(Ct);
        book.Write(project.Id, ProjectLogLevel.Info, "queued");

        // Act
        var snapshot = (await host.Get<ProjectLogService>().FollowAsync(owner, project.Id, Ct)).Snapshot;

        // Assert
        Assert.Equal(["flushed", "queued"], snapshot.Select(e => e.Message));
    }

    [Fact]
    public async Task Flush_PastTheBound_KeepsTheNewestThousandRows()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var owner = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(owner, "blog", null, Ct);
        var book = host.Get<ProjectLogBook>();
        var writer = host.Get<ProjectLogWriter>();
        for (var i = 0; i < ProjectLogBook.MaxEntriesPerProject - 2; i++)
        {
            book.Write(project.Id, ProjectLogLevel.Info, $"line {i}");
        }

        await writer.FlushAsync(Ct);

        // Act: a second batch takes the table past the bound.
        for (var i = ProjectLogBook.MaxEntriesPerProject - 2; i < ProjectLogBook.MaxEntriesPerProject + 5; i++)
        {
            book.Write(project.Id, ProjectLogLevel.Info, $"line {i}");
        }

        await writer.FlushAsync(Ct);

        // Assert
        await using var db = host.CreateDbContext();
        var kept = await db.ProjectLogLines.Where(l => l.ProjectId == project.Id).OrderBy(l => l.Id).Select(l => l.Message).ToListAsync(Ct);
        Assert.Equal(ProjectLogBook.MaxEntriesPerProject, kept.Count);
        Assert.Equal("line 5", kept[0]);
        Assert.Equal($"line {ProjectLogBook.MaxEntriesPerProject + 4}", kept[^1]);
        await using var next = await OnTheSameDatabaseAsync(host);
        var snapshot = (await next.Get<ProjectLogService>().FollowAsync(owner, project.Id, Ct)).Snapshot;
        Assert.Equal(kept, snapshot.Select(e => e.Message));
    }

    [Fact]
    public async Task Flush_AProjectDeletedMeanwhile_ItsLinesGoAndTheOthersAreWritten()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var owner = await host.CreateUserAsync("ann");
        var gone = await host.Projects.CreateAsync(owner, "gone", null, Ct);
        var kept = await host.Projects.CreateAsync(owner, "kept", null, Ct);
        var book = host.Get<ProjectLogBook>();
        var writer = host.Get<ProjectLogWriter>();
        book.Write(gone.Id, ProjectLogLevel.Info, "written before");
        await writer.FlushAsync(Ct);

        // Act
        await host.Projects.DeleteAsync(owner, gone.Id, Ct);
        book.Write(gone.Id, ProjectLogLevel.Info, "written after");
        book.Write(kept.Id, ProjectLogLevel.Info, "kept");
        await writer.FlushAsync(Ct);

        // Assert
        await using var db = host.CreateDbContext();
        Assert.Equal(["kept"], await db.ProjectLogLines.Select(l => l.Message).ToListAsync(Ct));
    }

    [Fact]
    public async Task Flush_ABurstOfThousandsOfLines_AFewStatements()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        Assert.SkipWhen(host.Provider != StorageProvider.Sqlite, "Counts the statements sent to the SQLite file.");
        var owner = await host.CreateUserAsync("ann");
        var projects = new[] { await host.Projects.CreateAsync(owner, "one", null, Ct), await host.Projects.CreateAsync(owner, "two", null, Ct) };
        var book = host.Get<ProjectLogBook>();
        for (var i = 0; i < 5_000; i++)
        {
            book.Write(projects[i % 2].Id, ProjectLogLevel.Debug, $"tick {i}");
        }

        // Act
        using var commands = new AdminDatabaseCommands(host.Root);
        await host.Get<ProjectLogWriter>().FlushAsync(Ct);

        // Assert: the newest thousand of each, in multi-row inserts of 50 (40), one delete each, one look-up — not
        // the 2,003 statements of one insert per line.
        Assert.InRange(commands.Count, 1, 50);
        await using var db = host.CreateDbContext();
        Assert.Equal(2 * ProjectLogBook.MaxEntriesPerProject, await db.ProjectLogLines.CountAsync(Ct));
    }

    [Fact]
    public async Task Flush_WhileTheAdminDatabaseIsWriteLocked_FailsKeepsTheNewestLinesAndWritesThemAfter()
    {
        // Arrange: a host that gives up on a locked database after a second; another connection holds the write lock.
        Assert.SkipWhen(this is IRunsOnPostgres, "A whole-database write lock is SQLite's; PostgreSQL has none to hold.");
        await using var setup = await DomainHost.StartAsync();
        var file = Path.Combine(setup.Root, "admin.db");
        await using var host = await DomainHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Admin"] = $"Data Source={file};Default Timeout=1" });
        var owner = await host.CreateUserAsync("ann");
        var project = await host.Projects.CreateAsync(owner, "blog", null, Ct);
        var book = host.Get<ProjectLogBook>();
        var writer = host.Get<ProjectLogWriter>();
        await using var lockHolder = new SqliteConnection($"Data Source={file}");
        await lockHolder.OpenAsync(Ct);
        var transaction = await lockHolder.BeginTransactionAsync(Ct);

        // Act: lines keep coming while the writer cannot write (more than are kept), then the lock goes.
        for (var i = 0; i < ProjectLogBook.MaxEntriesPerProject + 200; i++)
        {
            book.Write(project.Id, ProjectLogLevel.Info, $"line {i}");
        }

        await Assert.ThrowsAsync<SqliteException>(() => writer.FlushAsync(Ct));
        await transaction.RollbackAsync(Ct);
        await writer.FlushAsync(Ct);

        // Assert
        await using var db = host.CreateDbContext();
        var kept = await db.ProjectLogLines.OrderBy(l => l.Id).Select(l => l.Message).ToListAsync(Ct);
        Assert.Equal(ProjectLogBook.MaxEntriesPerProject, kept.Count);
        Assert.Equal(("line 200", $"line {ProjectLogBook.MaxEntriesPerProject + 199}"), (kept[0], kept[^1]));
    }

    /// <summary>Another host on <paramref name="host"/>'s admin database, as after a restart or on another node.</summary>
    internal static Task<DomainHost> OnTheSameDatabaseAsync(DomainHost host) =>
        host.Provider == StorageProvider.Postgres
            ? host.StartNodeAsync()
            : DomainHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Admin"] = $"Data Source={Path.Combine(host.Root, "admin.db")}" });
}
