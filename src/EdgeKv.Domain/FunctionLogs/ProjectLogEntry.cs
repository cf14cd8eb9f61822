namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// One line of a project's log: its place in the project's book (increasing), when (UTC), how serious, the request path
/// it was written for (below the project, e.g. <c>/api/users/42</c>) when known, and the text.
/// </summary>
public sealed record ProjectLogEntry(long Sequence, DateTime Time, ProjectLogLevel Level, string? Path, string Message);
