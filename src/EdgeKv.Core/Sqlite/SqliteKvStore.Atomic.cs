using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    public Task<Versionstamp> SetAsync(KvKey key, KvValue value, TimeSpan? expireIn = null, CancellationToken cancellationToken = default) =>
        KvSingleMutation.SetAsync(this, key, value, expireIn, cancellationToken);

    /// <inheritdoc />
    public Task<Versionstamp> DeleteAsync(KvKey key, CancellationToken cancellationToken = default) =>
        KvSingleMutation.DeleteAsync(this, key, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Everything is validated before the commit is queued. Cancellation is honoured only until the commit is queued:
    /// once the writer has it, it commits (or not) and the caller learns the outcome.
    /// </remarks>
    public Task<KvCommitResult> CommitAsync(KvAtomicWrite write, CancellationToken cancellationToken = default)
    {
        var request = KvCommitRequest.Atomic(write, cancellationToken);
        Enqueue(request);
        return request.Completion.Task;
    }

    /// <summary>Queues a request and, when the writer is idle, runs it on this thread (see <see cref="RunWriter"/>).</summary>
    private void Enqueue(KvWriteRequest request)
    {
        // Counting submitters lets DisposeAsync wait until no request can still slip in behind its final drain.
        Interlocked.Increment(ref _submitting);
        try
        {
            ThrowIfClosed();
            _pending.Enqueue(request);
            if (TryTakeWriter())
            {
                RunWriter(inline: true);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _submitting);
        }
    }
}
