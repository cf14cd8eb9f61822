using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    /// <remarks>The subscription starts at this call (not at the first MoveNextAsync), so no change after it is missed.</remarks>
    public IAsyncEnumerable<KvChange> ChangesAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        return KvChangeFeedReader.Subscribe(_feed, _options.ChangeFeedBufferSize, cancellationToken);
    }

    /// <summary>Bookkeeping after a durable commit group or sweep: wake the sweeper and checkpointer when due.</summary>
    private void AfterDurableWrite(int commits, long earliestExpiryMs)
    {
        _sweeper.ExpirySet(earliestExpiryMs);
        if (Interlocked.Add(ref _commitsSinceCheckpoint, commits) >= _options.CheckpointAfterCommits)
        {
            Wake(_checkpointWake);
        }
    }

    /// <summary>Publishes each successful commit's change and completes every caller, in commit order.</summary>
    private void Settle(List<KvCommitRequest> group, object?[] outcomes)
    {
        for (var i = 0; i < group.Count; i++)
        {
            if (outcomes[i] is KvCommitEffect outcome)
            {
                var versionstamp = Versionstamp.FromCommitVersion(outcome.Version);
                _feed.Publish(new KvChange(versionstamp, outcome.ChangedKeys()));
                group[i].Complete(new KvCommitResult(true, versionstamp));
            }
            else
            {
                group[i].Settle(outcomes[i]);
            }
        }
    }

    private static void Wake(SemaphoreSlim signal)
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up is enough.
            }
        }
    }
}
