using Microsoft.Extensions.Logging;

namespace EdgeKv.Core.Diagnostics;

/// <summary>
/// The engine's log messages (source-generated). Only failures an operator should see: the background tasks retry on
/// their own, so these are warnings, each naming the store's file and carrying the exception.
/// </summary>
internal static partial class KvStoreLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Expiry sweep of {StorePath} failed; retrying in {RetryMs} ms (expired keys stay invisible meanwhile)")]
    public static partial void SweepFailed(ILogger logger, string storePath, long retryMs, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Checkpoint of {StorePath} failed; retrying at the next interval (the write-ahead log grows meanwhile)")]
    public static partial void CheckpointFailed(ILogger logger, string storePath, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The checkpointer of {StorePath} could not open its connection; the log is checkpointed only when the store closes")]
    public static partial void CheckpointerUnavailable(ILogger logger, string storePath, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The writer's catch-up checkpoint of {StorePath} failed; the next background round retries")]
    public static partial void CatchUpCheckpointFailed(ILogger logger, string storePath, Exception exception);
}
