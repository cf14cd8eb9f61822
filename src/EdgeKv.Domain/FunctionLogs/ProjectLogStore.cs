using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using EdgeKv.Domain.Cluster;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// The projects' log lines in the admin database: a batch written in one transaction (with the retention and, in a
/// cluster, one notification naming the projects written), the newest lines of a project, and the lines other hosts
/// wrote after a given row. Singleton.
/// </summary>
public sealed class ProjectLogStore
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly ClusterNode? _cluster;

    /// <summary>Made by dependency injection; <paramref name="cluster"/> is there when the admin database is PostgreSQL.</summary>
    public ProjectLogStore(IDbContextFactory<EdgeKvDbContext> dbFactory, ClusterNode? cluster = null)
    {
        _dbFactory = dbFactory;
        _cluster = cluster;
    }

    /// <summary>
    /// Writes <paramref name="batch"/> (each project's lines, oldest first) and keeps each written project's newest
    /// <see cref="ProjectLogBook.MaxEntriesPerProject"/> lines; returns the projects written. Lines of a project that
    /// no longer exists are not written (its log went with it).
    /// </summary>
    public async Task<IReadOnlyList<int>> WriteAsync(
        Guid writer, IReadOnlyDictionary<int, IReadOnlyList<ProjectLogEntry>> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var projectIds = batch.Keys.ToList();
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Projects.Where(project => projectIds.Contains(project.Id)).Select(project => project.Id).ToListAsync(cancellationToken);
        foreach (var rows in existing.SelectMany(projectId => batch[projectId].Select(entry => ToRow(writer, projectId, entry))).Chunk(RowsPerInsert))
        {
            await db.Database.ExecuteSqlAsync(InsertStatement(rows), cancellationToken);
        }

        foreach (var projectId in existing)
        {
            // The row past the newest thousand, if any: everything up to it goes.
            var cut = db.ProjectLogLines.Where(line => line.ProjectId == projectId)
                .OrderByDescending(line => line.Id).Skip(ProjectLogBook.MaxEntriesPerProject).Select(line => line.Id);
            await db.ProjectLogLines.Where(line => line.ProjectId == projectId && line.Id <= cut.FirstOrDefault())
                .ExecuteDeleteAsync(cancellationToken);
        }

        if (_cluster is not null)
        {
            // Inside the transaction: PostgreSQL delivers it at the commit, when the rows are there to read.
            foreach (var chunk in existing.Chunk(ClusterLogNotice.MaxProjectsPerNotice))
            {
                var payload = new ClusterLogNotice(writer, chunk).Serialize();
                await db.Database.ExecuteSqlAsync($"SELECT pg_notify({_cluster.Channel}, {payload})", cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return existing;
    }

    /// <summary>The project's newest <see cref="ProjectLogBook.MaxEntriesPerProject"/> lines, oldest first.</summary>
    public async Task<IReadOnlyList<ProjectLogEntry>> ReadNewestAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ProjectLogLines.AsNoTracking()
            .Where(line => line.ProjectId == projectId)
            .OrderByDescending(line => line.Id)
            .Take(ProjectLogBook.MaxEntriesPerProject)
            .ToListAsync(cancellationToken);
        rows.Reverse();
        return [.. rows.Select(ToEntry)];
    }

    /// <summary>
    /// The project's lines after row <paramref name="afterId"/>, oldest first: by <paramref name="writer"/>, or by
    /// anyone but <paramref name="except"/> when it is null.
    /// </summary>
    public async Task<IReadOnlyList<ProjectLogEntry>> ReadAfterAsync(
        int projectId, Guid? writer, Guid except, long afterId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = db.ProjectLogLines.AsNoTracking().Where(line => line.ProjectId == projectId && line.Id > afterId);
        lines = writer is { } only ? lines.Where(line => line.Writer == only) : lines.Where(line => line.Writer != except);
        var rows = await lines.OrderBy(line => line.Id).Take(ProjectLogBook.MaxEntriesPerProject).ToListAsync(cancellationToken);
        return [.. rows.Select(ToEntry)];
    }

    // One statement per many rows (EF Core sends SQLite one INSERT per entity), but not too many: SQLite looks each named
    // parameter up by a linear scan, so a statement's cost grows with the square of its parameters (500 rows, 4,500
    // parameters: 130 ms; 50 rows: a 1,000-line round in 73 ms, bench/EdgeKv.Bench.Logs).
    private const int RowsPerInsert = 50;

    private const string InsertInto =
        "INSERT INTO \"ProjectLogLines\" (\"ProjectId\", \"Writer\", \"Sequence\", \"Time\", \"Level\", \"Path\", \"Message\", \"Code\", \"Arguments\") VALUES ";

    private static FormattableString InsertStatement(ProjectLogLine[] rows)
    {
        var sql = new StringBuilder(InsertInto);
        var values = new List<object?>(rows.Length * 9);
        foreach (var row in rows)
        {
            sql.Append(values.Count == 0 ? "(" : ", (");
            object?[] columns = [row.ProjectId, row.Writer, row.Sequence, row.Time, (int)row.Level, row.Path, row.Message, row.Code, row.Arguments];
            sql.AppendJoin(", ", columns.Select((_, i) => $"{{{values.Count + i}}}")).Append(')');
            values.AddRange(columns);
        }

        return FormattableStringFactory.Create(sql.ToString(), [.. values]);
    }

    private static ProjectLogLine ToRow(Guid writer, int projectId, ProjectLogEntry entry) => new()
    {
        ProjectId = projectId,
        Writer = writer,
        Sequence = entry.Sequence,
        Time = entry.Time,
        Level = entry.Level,
        Path = entry.Path,
        Message = entry.Message,
        Code = entry.Code,
        Arguments = JsonSerializer.Serialize(entry.Arguments),
    };

    private static ProjectLogEntry ToEntry(ProjectLogLine line) => new(line.Sequence, line.Time, line.Level, line.Path, line.Message)
    {
        Code = line.Code,
        Arguments = JsonSerializer.Deserialize<string[]>(line.Arguments) ?? [],
        Writer = line.Writer,
        RowId = line.Id,
    };
}
