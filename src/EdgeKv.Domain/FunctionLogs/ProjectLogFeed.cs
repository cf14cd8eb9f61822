namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// A project's log as a page follows it: the lines kept when it subscribed (oldest first), then every new line as it is
/// written. Nothing written in between is missed or repeated: the snapshot is taken with the subscription in place.
/// </summary>
public sealed record ProjectLogFeed(IReadOnlyList<ProjectLogEntry> Snapshot, IAsyncEnumerable<ProjectLogEntry> Changes);
