using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

/// <summary>Work for the store's single writer loop.</summary>
internal abstract class WriteRequest;

/// <summary>
/// An atomic write waiting for the writer, validated and with its keys encoded. Its completion runs continuations
/// asynchronously so a caller's code never runs on (and stalls) the writer loop.
/// </summary>
internal sealed class CommitRequest(KvAtomicWrite write, byte[][] checkKeys, byte[][] mutationKeys) : WriteRequest
{
    public KvAtomicWrite Write { get; } = write;

    public byte[][] CheckKeys { get; } = checkKeys;

    public byte[][] MutationKeys { get; } = mutationKeys;

    public TaskCompletionSource<KvCommitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the request was made (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for the commit latency metric.</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
}

/// <summary>A request to delete expired rows; completes with how many rows were removed.</summary>
internal sealed class SweepRequest : WriteRequest
{
    public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
