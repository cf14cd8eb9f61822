using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// The logs of every project's functions, in memory: the last <see cref="MaxEntriesPerProject"/> lines of each project
/// (a ring: the oldest goes when a new one comes), each at most <see cref="MaxMessageLength"/> characters. Written by
/// the functions runtime (console output, uncaught errors, refused deployments, limits, restarts); read only through
/// <see cref="ProjectLogService"/>, which checks who may see the project. Logs are not kept across restarts of the host:
/// they are for watching and debugging, like <c>deno run</c>'s terminal, not an archive.
/// </summary>
public sealed class ProjectLogBook
{
    /// <summary>Lines kept per project.</summary>
    public const int MaxEntriesPerProject = 1_000;

    /// <summary>Characters of one line; a longer one is cut and ends with "…".</summary>
    public const int MaxMessageLength = 8 * 1024;

    private readonly Dictionary<int, ProjectLog> _projects = [];
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection (one per host).</summary>
    public ProjectLogBook(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Adds a line of the function's own output to <paramref name="projectId"/>'s log and hands it to every follower.</summary>
    public void Write(int projectId, ProjectLogLevel level, string message, string? path = null) =>
        Add(projectId, level, message, path, null, []);

    /// <summary>Adds a line the host writes (localized by the console by its code) to <paramref name="projectId"/>'s log.</summary>
    public void Write(int projectId, ProjectLogLevel level, HostLogLine line, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        Add(projectId, level, line.Message, path, line.Code, [.. line.Arguments.Select(Cut)]);
    }

    private static string Cut(string text) =>
        text.Length > MaxMessageLength ? string.Concat(text.AsSpan(0, MaxMessageLength - 1), "…") : text;

    private void Add(int projectId, ProjectLogLevel level, string message, string? path, string? code, IReadOnlyList<string> arguments)
    {
        var text = Cut(message);
        var log = LogOf(projectId);
        lock (log)
        {
            var entry = new ProjectLogEntry(++log.LastSequence, _time.GetUtcNow().UtcDateTime, level, path, text) { Code = code, Arguments = arguments };
            if (log.Entries.Count == MaxEntriesPerProject)
            {
                log.Entries.Dequeue();
            }

            log.Entries.Enqueue(entry);
            foreach (var follower in log.Followers)
            {
                follower.Writer.TryWrite(entry);
            }
        }
    }

    /// <summary>The project's kept lines and its new ones (no access check: <see cref="ProjectLogService"/> does that).</summary>
    internal ProjectLogFeed Follow(int projectId, CancellationToken cancellationToken)
    {
        var log = LogOf(projectId);
        // A follower that does not keep up loses its oldest unread lines, never the host's memory.
        var follower = Channel.CreateBounded<ProjectLogEntry>(new BoundedChannelOptions(MaxEntriesPerProject)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        // A follower whose feed is never read still leaves when its token ends.
        cancellationToken.Register(() => Leave(log, follower));
        lock (log)
        {
            log.Followers.Add(follower);
            return new ProjectLogFeed([.. log.Entries], ReadAsync(log, follower, cancellationToken));
        }
    }

    private static async IAsyncEnumerable<ProjectLogEntry> ReadAsync(
        ProjectLog log, Channel<ProjectLogEntry> follower, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var entry in follower.Reader.ReadAllAsync(cancellationToken))
            {
                yield return entry;
            }
        }
        finally
        {
            Leave(log, follower);
        }
    }

    private static void Leave(ProjectLog log, Channel<ProjectLogEntry> follower)
    {
        lock (log)
        {
            log.Followers.Remove(follower);
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

    private sealed class ProjectLog
    {
        public Queue<ProjectLogEntry> Entries { get; } = new();

        public List<Channel<ProjectLogEntry>> Followers { get; } = [];

        public long LastSequence { get; set; }
    }
}
