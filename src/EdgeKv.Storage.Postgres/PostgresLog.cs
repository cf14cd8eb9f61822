using EdgeKv.Core.Replication;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Storage.Postgres;

/// <summary>The PostgreSQL backend's log messages: background failures it retries on its own.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "The KV change listener lost its connection; reconnecting in {RetryMs} ms (other nodes' commits reach this node's watchers after it)")]
    public static partial void ListenerLost(ILogger logger, long retryMs, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Reading the change log of namespace {Namespace} failed; retried at the next notification or reconnect")]
    public static partial void CatchUpFailed(ILogger logger, string @namespace, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Expiry sweep of namespace {Namespace} failed; retrying in {RetryMs} ms (expired keys stay invisible meanwhile)")]
    public static partial void SweepFailed(ILogger logger, string @namespace, long retryMs, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "The read replica went from {Previous} to {Current} (lag {LagMs} ms; {Error}); eventual reads go to the replica only while it is Serving, to the primary otherwise")]
    public static partial void ReplicaHealthChanged(ILogger logger, KvReplicaHealth previous, KvReplicaHealth current, double? lagMs, string? error);
}
