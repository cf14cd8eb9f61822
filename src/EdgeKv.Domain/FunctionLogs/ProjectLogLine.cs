namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// One line of a project's log as the admin database keeps it (<see cref="ProjectLogEntry"/> is what readers get), so
/// that every node of a cluster shows the same log and a restart loses nothing: the newest
/// <see cref="ProjectLogBook.MaxEntriesPerProject"/> of each project, written in batches by <see cref="ProjectLogWriter"/>.
/// </summary>
public class ProjectLogLine
{
    /// <summary>Database id: increasing, so within one writer it is the order of writing.</summary>
    public long Id { get; set; }

    /// <summary>The project (its lines go with it).</summary>
    public int ProjectId { get; set; }

    /// <summary>The host that wrote it (<see cref="ProjectLogBook.Writer"/>, new at every start).</summary>
    public Guid Writer { get; set; }

    /// <summary>Its place among that host's lines of the project.</summary>
    public long Sequence { get; set; }

    /// <summary>When it was written (UTC).</summary>
    public DateTime Time { get; set; }

    /// <summary>How serious.</summary>
    public ProjectLogLevel Level { get; set; }

    /// <summary>The request path, when known.</summary>
    public string? Path { get; set; }

    /// <summary>The text (at most <see cref="ProjectLogBook.MaxMessageLength"/> characters).</summary>
    public string Message { get; set; } = "";

    /// <summary>One of <see cref="ProjectLogCodes"/> for a line the host wrote.</summary>
    public string? Code { get; set; }

    /// <summary>The code's arguments, a JSON array of strings (the same text under both providers).</summary>
    public string Arguments { get; set; } = "[]";
}
