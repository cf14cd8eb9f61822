using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <summary>Rows removed per sweep transaction, so a sweep never holds the writer for long.</summary>
    private const int SweepBatchSize = 1000;

    private readonly SemaphoreSlim _sweepWake = new(0, 1);

    // The earliest expires_at of any row (long.MaxValue: none). Written by the writer loop, read by the sweeper.
    private long _earliestExpiryMs;

    /// <summary>Removes the rows expired by now (one batch); returns how many. The sweeper calls this when due.</summary>
    internal async Task<int> SweepExpiredAsync()
    {
        var request = new KvSweepRequest();
        Enqueue(request);
        return await request.Completion.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Sleeps until the earliest expiry is due (or a commit sets an earlier one, or the longest interval passes),
    /// then sweeps. Expired rows are already invisible to reads; the sweep reclaims their space, corrects the stats
    /// and publishes their removal, which is what wakes watchers of an expiring key.
    /// </summary>
    private async Task RunSweeperAsync(CancellationToken cancellationToken)
    {
        var longest = (long)_options.MaxExpirySweepInterval.TotalMilliseconds;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var dueInMs = Volatile.Read(ref _earliestExpiryMs) - NowMs();
                if (dueInMs > 0
                    && await _sweepWake.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(dueInMs + 1, longest)), cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                await SweepExpiredAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KvException) when (IsClosed)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed sweep (e.g. disk full) is retried later; expired rows stay invisible meanwhile.
                KvMetrics.BackgroundFailed("sweep");
                KvStoreLog.SweepFailed(_options.Logger, Path, longest, e);
                await Task.Delay(TimeSpan.FromMilliseconds(longest), cancellationToken)
                    .ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private void ApplySweep(KvSweepRequest request)
    {
        try
        {
            var removed = DeleteExpiredRows(out var version, out var freed);
            if (removed is null)
            {
                request.Completion.TrySetResult(0);
                return;
            }

            _budget?.Release(freed);
            AfterDurableWrite(1, long.MaxValue);
            var keys = removed.ConvertAll(row => KvKey.DecodeOwned(row.Key));
            _feed.Publish(new KvChange(Versionstamp.FromCommitVersion(version), keys));
            request.Completion.TrySetResult(removed.Count);
            KvMetrics.Operation(KvMetrics.OperationKinds.Sweep, KvMetrics.Outcomes.Ok);
        }
        catch (Exception e)
        {
            KvMetrics.Operation(KvMetrics.OperationKinds.Sweep, KvMetrics.Outcomes.Error);
            request.Completion.TrySetException(e);
        }
    }

    /// <summary>Deletes one batch of expired rows as a commit of its own (new version, exact stats); null if none.</summary>
    private List<(byte[] Key, long Size)>? DeleteExpiredRows(out ulong version, out long freed)
    {
        version = _lastVersion + 1;
        freed = 0;
        _writer.Begin();
        try
        {
            var removed = _writer.DeleteExpired(NowMs(), SweepBatchSize);
            if (removed.Count == 0)
            {
                _writer.Rollback();
                Volatile.Write(ref _earliestExpiryMs, _writer.EarliestExpiry());
                return null;
            }

            foreach (var row in removed)
            {
                _writer.RecordDeletion(row.Key, version);
            }

            var keptDeletionBytes = ForgetOldDeletionsIfDue(
                _keptDeletionBytes + removed.Sum(row => (long)row.Key.Length + SqliteStatements.DeletionRowOverhead));
            freed = removed.Sum(row => row.Size);
            var stats = new KvStoreStats(_stats.KeyCount - removed.Count, _stats.StoredBytes - freed);
            _writer.SetMeta(version, stats);
            var earliest = _writer.EarliestExpiry();
            _writer.Commit();
            _lastVersion = version;
            _keptDeletionBytes = keptDeletionBytes;
            Volatile.Write(ref _stats, stats);
            Volatile.Write(ref _earliestExpiryMs, earliest);
            return removed;
        }
        catch
        {
            TryRollback();
            throw;
        }
    }
}
