using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.BackendKit;

/// <summary>
/// An atomic write waiting for a store's writer, validated and with its keys encoded. Made by <see cref="Atomic"/> or
/// <see cref="Bulk"/>, so every backend validates the same way before queuing: a rejected write changed nothing, and
/// cancellation is honoured only until the request is made (once queued it commits or not, and the caller learns
/// which). Settled with <see cref="Complete"/> or <see cref="Fail"/>, which also record the commit's latency and
/// outcome. Its completion runs continuations asynchronously so a caller's code never runs on (and stalls) the
/// writer loop.
/// </summary>
internal sealed class KvCommitRequest : KvWriteRequest
{
    private KvCommitRequest(KvAtomicWrite write, byte[][] checkKeys, byte[][] mutationKeys)
    {
        Write = write;
        CheckKeys = checkKeys;
        MutationKeys = mutationKeys;
    }

    public KvAtomicWrite Write { get; }

    /// <summary>The encoded key of each check, in order.</summary>
    public byte[][] CheckKeys { get; }

    /// <summary>The encoded key of each mutation, in order (without a versionstamp suffix still to be appended).</summary>
    public byte[][] MutationKeys { get; }

    public TaskCompletionSource<KvCommitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the request was made (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for the commit latency metric.</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>A commit of <see cref="IKvStore.CommitAsync"/>, checked against Deno's limits (<see cref="KvValidation.AtomicWrite"/>).</summary>
    public static KvCommitRequest Atomic(KvAtomicWrite write, CancellationToken cancellationToken)
    {
        var (checkKeys, mutationKeys) = KvValidation.AtomicWrite(write);
        cancellationToken.ThrowIfCancellationRequested();
        return new KvCommitRequest(write, checkKeys, mutationKeys);
    }

    /// <summary>A commit of <see cref="IKvBulkWriter.CommitBulkAsync"/>, checked against the bulk limits (<see cref="KvValidation.BulkWrite"/>).</summary>
    public static KvCommitRequest Bulk(KvAtomicWrite write, CancellationToken cancellationToken)
    {
        var (checkKeys, mutationKeys) = KvValidation.BulkWrite(write);
        cancellationToken.ThrowIfCancellationRequested();
        return new KvCommitRequest(write, checkKeys, mutationKeys);
    }

    /// <summary>
    /// Tells the caller a settled outcome: a <see cref="KvCommitResult"/> (applied durably, or its check failed) or
    /// the <see cref="Exception"/> that refused or failed it.
    /// </summary>
    public void Settle(object? outcome)
    {
        switch (outcome)
        {
            case KvCommitResult result:
                Complete(result);
                break;
            case Exception exception:
                Fail(exception);
                break;
        }
    }

    /// <summary>Tells the caller its commit applied (durably) or its check failed.</summary>
    public void Complete(KvCommitResult result)
    {
        KvMetrics.CommitCompleted(QueuedAt, result.Ok ? KvMetrics.Outcomes.Ok : KvMetrics.Outcomes.CheckFailed);
        Completion.TrySetResult(result);
    }

    /// <summary>Tells the caller its commit was refused or failed, with why; nothing of it is stored.</summary>
    public void Fail(Exception exception)
    {
        KvMetrics.CommitCompleted(QueuedAt, KvMetrics.Outcomes.Error);
        Completion.TrySetException(exception);
    }
}
