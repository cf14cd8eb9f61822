using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <summary>Rows removed per sweep transaction, so a sweep never holds the writer for long.</summary>
    private const int SweepBatchSize = 1000;

    /// <summary>Removes the rows expired by now (one batch); returns how many. The sweeper calls this when due.</summary>
    internal async Task<int> SweepExpiredAsync()
    {
        var request = new KvSweepRequest();
        Enqueue(request);
        return await request.Completion.Task.ConfigureAwait(false);
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
                _sweeper.EarliestLeft(_writer.EarliestExpiry());
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
            _sweeper.EarliestLeft(earliest);
            return removed;
        }
        catch
        {
            TryRollback();
            throw;
        }
    }
}
