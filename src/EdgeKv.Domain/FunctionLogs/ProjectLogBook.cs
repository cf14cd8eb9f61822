using System.Runtime.CompilerServices;
using EdgeKv.Domain.Events;

namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// The logs of every project's functions: the newest <see cref="MaxEntriesPerProject"/> lines of each project, each at
/// most <see cref="MaxMessageLength"/> characters, kept in the admin database so that every node of a cluster shows the
/// same log and a restart loses nothing. Written by the functions runtime (console output, uncaught errors, refused
/// deployments, limits, restarts): <see cref="Write(int, ProjectLogLevel, string, string?)"/> only queues the line
/// in memory and hands it to this host's followers (a function may log in a hot loop; it never waits for a
/// database), and <see cref="ProjectLogWriter"/> writes the queue in batches. Lines other hosts wrote reach this
/// host's followers when their notice arrives (<see cref="WrittenElsewhere"/>). Read only through
/// <see cref="ProjectLogService"/>, which checks who may see the project. One per host.
/// </summary>
public sealed class ProjectLogBook : IDomainEventObserver
{
    /// <summary>Lines kept per project.</summary>
    public const int MaxEntriesPerProject = 1_000;

    /// <summary>Characters of one line; a longer one is cut and ends with "…".</summary>
    public const int MaxMessageLength = 8 * 1024;

    private readonly Dictionary<int, ProjectLog> _projects = [];
    private readonly HashSet<int> _unwritten = [];
    private readonly HashSet<(int ProjectId, Guid? Writer)> _writtenElsewhere = [];
    private readonly TimeProvider _time;
    private readonly ProjectLogStore _store;

    /// <summary>Made by dependency injection (one per host).</summary>
    public ProjectLogBook(TimeProvider time, ProjectLogStore store)
    {
        _time = time;
        _store = store;
    }

    /// <summary>This host's id in the lines it writes: new at every start, so its sequences never meet an earlier run's.</summary>
    public Guid Writer { get; } = Guid.NewGuid();

    /// <summary>Adds a line of the function's own output to <paramref name="projectId"/>'s log and hands it to every follower.</summary>
    public void Write(int projectId, ProjectLogLevel level, string message, string? path = null) =>
        Add(projectId, level, message, path, null, []);

    /// <summary>Adds a line the host writes (localized by the console by its code) to <paramref name="projectId"/>'s log.</summary>
    public void Write(int projectId, ProjectLogLevel level, HostLogLine line, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        Add(projectId, level, line.Message, path, line.Code, [.. line.Arguments.Select(Cut)]);
    }

    /// <summary>
    /// Notes that <paramref name="writer"/> (another host) wrote lines into <paramref name="projectIds"/>' logs: the
    /// projects followed here are read at the writer's next round. Quick and never throws (called on a notification).
    /// </summary>
    public void WrittenElsewhere(Guid writer, IEnumerable<int> projectIds)
    {
        ArgumentNullException.ThrowIfNull(projectIds);
        if (writer != Writer)
        {
            NoteWrittenElsewhere(projectIds.Where(IsFollowed), writer);
        }
    }

    /// <summary>
    /// On <see cref="DomainEventKind.EventsMissed"/> (the line to the other hosts was cut, so their notices may have been
    /// missed too): every project followed here is read for anything new at the writer's next round. Quick and never
    /// throws, as an observer must be.
    /// </summary>
    public void OnPublished(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.Kind != DomainEventKind.EventsMissed)
        {
            return;
        }

        int[] followed;
        lock (_projects)
        {
            followed = [.. _projects.Keys];
        }

        NoteWrittenElsewhere(followed.Where(IsFollowed), writer: null);
    }

    private static string Cut(string text) =>
        text.Length > MaxMessageLength ? string.Concat(text.AsSpan(0, MaxMessageLength - 1), "…") : text;

    private void Add(int projectId, ProjectLogLevel level, string message, string? path, string? code, IReadOnlyList<string> arguments)
    {
        var text = Cut(message);
        var log = LogOf(projectId);
        lock (log)
        {
            var entry = new ProjectLogEntry(++log.LastSequence, _time.GetUtcNow().UtcDateTime, level, path, text)
            {
                Code = code,
                Arguments = arguments,
                Writer = Writer,
            };

            // Bounded while the database is away: the oldest unwritten line would be past the kept ones anyway.
            if (log.Unwritten.Count == MaxEntriesPerProject)
            {
                log.Unwritten.Dequeue();
            }

            log.Unwritten.Enqueue(entry);
            foreach (var follower in log.Followers)
            {
                follower.Lines.Writer.TryWrite(entry);
            }
        }

        lock (_unwritten)
        {
            _unwritten.Add(projectId);
        }
    }

    /// <summary>
    /// The project's kept lines and its new ones (no access check: <see cref="ProjectLogService"/> does that). The
    /// snapshot is the database's newest lines and this host's not yet written ones, read with the subscription in
    /// place, so nothing is missed or shown twice.
    /// </summary>
    internal async Task<ProjectLogFeed> FollowAsync(int projectId, CancellationToken cancellationToken)
    {
        var log = LogOf(projectId);
        var follower = new ProjectLogFollower();
        ProjectLogEntry[] unwritten;
        long subscribedAt;
        lock (log)
        {
            log.Followers.Add(follower);
            unwritten = [.. log.Unwritten];
            subscribedAt = log.LastSequence;
        }

        // A follower whose feed is never read still leaves when its token ends.
        cancellationToken.Register(() => Leave(log, follower));
        IReadOnlyList<ProjectLogEntry> stored;
        try
        {
            stored = await _store.ReadNewestAsync(projectId, cancellationToken);
        }
        catch
        {
            Leave(log, follower);
            throw;
        }

        // This host's lines written since the subscription come through the feed; the others' are filtered by row.
        var written = stored.Where(entry => entry.Writer == Writer).Select(entry => entry.Sequence).ToHashSet();
        var snapshot = stored.Where(entry => entry.Writer != Writer || entry.Sequence <= subscribedAt)
            .Concat(unwritten.Where(entry => !written.Contains(entry.Sequence)))
            .TakeLast(MaxEntriesPerProject)
            .ToList();
        follower.Marks = new ElsewhereMarks(stored, Writer);
        bool first;
        lock (log)
        {
            first = log.StartReadingElsewhere(stored, Writer);
        }

        if (first)
        {
            // What the others wrote between this read and the first notice heard for the project.
            NoteWrittenElsewhere([projectId], writer: null);
        }

        return new ProjectLogFeed(snapshot, ReadAsync(log, follower, Writer, cancellationToken));
    }

    /// <summary>Takes every project's lines not yet written, oldest first, for <see cref="ProjectLogWriter"/>.</summary>
    internal Dictionary<int, IReadOnlyList<ProjectLogEntry>> TakeUnwritten()
    {
        int[] projectIds;
        lock (_unwritten)
        {
            projectIds = [.. _unwritten];
            _unwritten.Clear();
        }

        var batch = new Dictionary<int, IReadOnlyList<ProjectLogEntry>>();
        foreach (var projectId in projectIds)
        {
            var log = LogOf(projectId);
            lock (log)
            {
                if (log.Unwritten.Count > 0)
                {
                    batch[projectId] = [.. log.Unwritten];
                }
            }
        }

        return batch;
    }

    /// <summary>
    /// After <paramref name="batch"/> was written (or its project is gone): its lines leave the queue. They stay there
    /// until now, so a follower subscribing meanwhile finds them in one place or the other.
    /// </summary>
    internal void Written(IReadOnlyDictionary<int, IReadOnlyList<ProjectLogEntry>> batch)
    {
        foreach (var (projectId, lines) in batch)
        {
            var log = LogOf(projectId);
            lock (log)
            {
                var last = lines[^1].Sequence;
                while (log.Unwritten.TryPeek(out var next) && next.Sequence <= last)
                {
                    log.Unwritten.Dequeue();
                }
            }
        }
    }

    /// <summary>After <paramref name="batch"/> could not be written: its lines stay queued for the next round.</summary>
    internal void NotWritten(IReadOnlyDictionary<int, IReadOnlyList<ProjectLogEntry>> batch)
    {
        lock (_unwritten)
        {
            _unwritten.UnionWith(batch.Keys);
        }
    }

    /// <summary>Reads what other hosts wrote into the followed projects named by their notices, and hands it to the followers.</summary>
    internal async Task ReadWrittenElsewhereAsync(CancellationToken cancellationToken)
    {
        (int ProjectId, Guid? Writer)[] wanted;
        lock (_writtenElsewhere)
        {
            wanted = [.. _writtenElsewhere];
            _writtenElsewhere.Clear();
        }

        foreach (var (projectId, writer) in wanted)
        {
            var log = LogOf(projectId);
            long after;
            lock (log)
            {
                if (log.ReadElsewhereAfter(writer) is not { } from)
                {
                    continue;
                }

                after = from;
            }

            var lines = await _store.ReadAfterAsync(projectId, writer, Writer, after, cancellationToken);
            lock (log)
            {
                log.HandOn(lines);
            }

            if (lines.Count == MaxEntriesPerProject)
            {
                // There may be more: the next round reads on.
                NoteWrittenElsewhere([projectId], writer);
            }
        }
    }

    private void NoteWrittenElsewhere(IEnumerable<int> projectIds, Guid? writer)
    {
        lock (_writtenElsewhere)
        {
            foreach (var projectId in projectIds)
            {
                _writtenElsewhere.Add((projectId, writer));
            }
        }
    }

    private bool IsFollowed(int projectId)
    {
        ProjectLog? log;
        lock (_projects)
        {
            if (!_projects.TryGetValue(projectId, out log))
            {
                return false;
            }
        }

        lock (log)
        {
            return log.Followers.Count > 0;
        }
    }

    private static async IAsyncEnumerable<ProjectLogEntry> ReadAsync(
        ProjectLog log, ProjectLogFollower follower, Guid self, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var entry in follower.Lines.Reader.ReadAllAsync(cancellationToken))
            {
                if (entry.Writer == self || follower.Marks!.TryTake(entry))
                {
                    yield return entry;
                }
            }
        }
        finally
        {
            Leave(log, follower);
        }
    }

    private static void Leave(ProjectLog log, ProjectLogFollower follower)
    {
        lock (log)
        {
            log.Followers.Remove(follower);
            if (log.Followers.Count == 0)
            {
                log.StopReadingElsewhere();
            }
        }
    }

    private ProjectLog LogOf(int projectId)
    {
        lock (_projects)
        {
            if (!_projects.TryGetValue(projectId, out var log))
            {
                log = new ProjectLog();
                _projects[projectId] = log;
            }

            return log;
        }
    }
}
