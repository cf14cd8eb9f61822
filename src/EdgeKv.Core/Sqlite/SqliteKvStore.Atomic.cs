using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    public async Task<Versionstamp> SetAsync(KvKey key, KvValue value, TimeSpan? expireIn = null, CancellationToken cancellationToken = default)
    {
        var result = await CommitAsync(new KvAtomicWrite([], [new KvMutation(KvMutationKind.Set, key, value, expireIn)]), cancellationToken)
            .ConfigureAwait(false);
        return result.Versionstamp!.Value;
    }

    /// <inheritdoc />
    public async Task<Versionstamp> DeleteAsync(KvKey key, CancellationToken cancellationToken = default)
    {
        var result = await CommitAsync(new KvAtomicWrite([], [new KvMutation(KvMutationKind.Delete, key)]), cancellationToken)
            .ConfigureAwait(false);
        return result.Versionstamp!.Value;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Everything is validated before the commit is queued. Cancellation is honoured only until the commit is queued:
    /// once the writer has it, it commits (or not) and the caller learns the outcome.
    /// </remarks>
    public Task<KvCommitResult> CommitAsync(KvAtomicWrite write, CancellationToken cancellationToken = default)
    {
        var (checkKeys, mutationKeys) = KvValidation.AtomicWrite(write);
        cancellationToken.ThrowIfCancellationRequested();
        var request = new CommitRequest(write, checkKeys, mutationKeys);
        Enqueue(request);
        return request.Completion.Task;
    }

    private void Enqueue(WriteRequest request)
    {
        if (IsClosed || !_queue.Writer.TryWrite(request))
        {
            throw new KvException(KvErrors.StoreClosed);
        }
    }
}
