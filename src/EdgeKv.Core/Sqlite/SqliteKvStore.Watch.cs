using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Driven by the change feed (<see cref="KvWatchLoop"/>): each snapshot is one read transaction on a pooled
    /// connection. An expired key changes when the sweep removes it.
    /// </remarks>
    public IAsyncEnumerable<IReadOnlyList<KvEntry>> WatchAsync(IReadOnlyList<KvKey> keys, CancellationToken cancellationToken = default) =>
        KvWatchLoop.Start(
            _feed, _options.ChangeFeedBufferSize, keys, (watched, _) => ValueTask.FromResult(ReadSnapshot(watched)), () => IsClosed, cancellationToken);
}
