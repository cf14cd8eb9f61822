using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The same path as <see cref="CommitAsync"/>: one request for the single writer, one transaction, one fsync.
    /// Only the mutation count is allowed higher; the 32 MiB total still bounds what one transaction holds.
    /// </remarks>
    public Task<KvCommitResult> CommitBulkAsync(KvAtomicWrite write, CancellationToken cancellationToken = default)
    {
        var request = KvCommitRequest.Bulk(write, cancellationToken);
        Enqueue(request);
        return request.Completion.Task;
    }
}
