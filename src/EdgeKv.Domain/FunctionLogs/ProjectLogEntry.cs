namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// One line of a project's log: its place among its writer's lines of the project (increasing), when (UTC), how
/// serious, the request path it was written for (below the project, e.g. <c>/api/users/42</c>) when known, and the
/// text. A line the host wrote also has its <see cref="ProjectLogCodes">code</see> and arguments, which the console
/// shows in its language; the function's own output has none and is shown as written.
/// </summary>
public sealed record ProjectLogEntry(long Sequence, DateTime Time, ProjectLogLevel Level, string? Path, string Message)
{
    /// <summary>One of <see cref="ProjectLogCodes"/> for a line the host wrote; null for the function's output.</summary>
    public string? Code { get; init; }

    /// <summary>The values the code's sentence names, in order.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// The host that wrote it (<see cref="ProjectLogBook.Writer"/>): with <see cref="Sequence"/>, what tells one line
    /// from another across the nodes of a cluster and across restarts.
    /// </summary>
    public Guid Writer { get; init; }

    /// <summary>Its row in the admin database (<see cref="ProjectLogLine.Id"/>); 0 while it is not written yet.</summary>
    public long RowId { get; init; }
}
