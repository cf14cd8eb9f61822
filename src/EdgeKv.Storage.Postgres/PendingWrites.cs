using EdgeKv.Core.Store;

namespace EdgeKv.Storage.Postgres;

/// <summary>Work for a store's writer loop.</summary>
internal abstract class PendingWrite;

/// <summary>
/// An atomic write waiting for the writer, validated and with its keys encoded. Its completion runs continuations
/// asynchronously so a caller's code never runs on (and stalls) the writer loop.
/// </summary>
internal sealed class PendingCommit(KvAtomicWrite write, byte[][] checkKeys, byte[][] mutationKeys) : PendingWrite
{
    public KvAtomicWrite Write { get; } = write;

    public byte[][] CheckKeys { get; } = checkKeys;

    public byte[][] MutationKeys { get; } = mutationKeys;

    public TaskCompletionSource<KvCommitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the request was made, for the commit latency metric.</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
}

/// <summary>A request to delete expired rows; completes with how many rows were removed.</summary>
internal sealed class PendingSweep : PendingWrite
{
    public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
