using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    private void ApplyGroupSafely(List<KvCommitRequest> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        KvMetrics.GroupCommitted(group.Count);
        try
        {
            ApplyGroup(group);
        }
        catch (Exception e)
        {
            // Unreachable by design (ApplyGroup settles every request); a last guard so no caller ever hangs.
            foreach (var request in group)
            {
                request.Completion.TrySetException(e);
            }
        }

        group.Clear();
    }

    /// <summary>
    /// Applies a group of commits in one transaction. Each runs inside its own savepoint (skipped for a group of one,
    /// where the transaction itself is the unit), so a failed check, a type error or a refused budget undoes that
    /// commit alone. Callers learn their outcome only after the transaction is durable.
    /// </summary>
    private void ApplyGroup(List<KvCommitRequest> group)
    {
        var outcomes = new object?[group.Count];
        var single = group.Count == 1;
        var nowMs = NowMs();
        var version = _lastVersion;
        var stats = _stats;
        long reserved = 0;
        long shrunk = 0;
        var earliestExpiry = long.MaxValue;
        var keptDeletionBytes = _keptDeletionBytes;
        long writes = 0;
        long deletes = 0;
        long bytesWritten = 0;
        try
        {
            _writer.Begin();
            for (var i = 0; i < group.Count; i++)
            {
                var outcome = ApplyInSavepoint(group[i], version + 1, nowMs, single, out var failure);
                outcomes[i] = (object?)outcome ?? failure;
                if (outcome is null)
                {
                    continue;
                }

                version++;
                stats = new KvStoreStats(stats.KeyCount + outcome.DeltaKeys, stats.StoredBytes + outcome.DeltaBytes);
                reserved += Math.Max(outcome.DeltaBytes, 0);
                shrunk += Math.Max(-outcome.DeltaBytes, 0);
                earliestExpiry = Math.Min(earliestExpiry, outcome.EarliestExpiryMs);
                keptDeletionBytes += outcome.DeletionBytes;
                writes += outcome.Writes;
                deletes += outcome.Deletes;
                bytesWritten += outcome.BytesWritten;
            }

            if (version == _lastVersion)
            {
                _writer.Rollback();
                Settle(group, outcomes);
                return;
            }

            keptDeletionBytes = ForgetOldDeletionsIfDue(keptDeletionBytes);
            _writer.SetMeta(version, stats);
            _writer.Commit();
        }
        catch (Exception e)
        {
            // The transaction itself failed (I/O, disk full, a savepoint SQLite had already undone): nothing of the
            // group is durable, so every commit that had succeeded inside it fails with the cause.
            TryRollback();
            _budget?.Release(reserved);
            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i] is null or KvCommitEffect)
                {
                    outcomes[i] = e;
                }
            }

            Settle(group, outcomes);
            return;
        }

        var committed = (int)(version - _lastVersion);
        _lastVersion = version;
        _keptDeletionBytes = keptDeletionBytes;
        Volatile.Write(ref _stats, stats);
        _budget?.Release(shrunk);

        // Counted in memory once durable: usage history is written elsewhere, later, never inside this commit.
        _usage.Committed(writes, deletes, bytesWritten);
        AfterDurableWrite(committed, earliestExpiry);
        Settle(group, outcomes);
    }

    /// <summary>
    /// Applies one commit; returns its outcome, or null with <paramref name="failure"/> set to
    /// <see cref="KvCommitResult.CheckFailed"/> or the exception that undid it.
    /// </summary>
    private KvCommitEffect? ApplyInSavepoint(KvCommitRequest request, ulong version, long nowMs, bool single, out object failure)
    {
        failure = KvCommitResult.CheckFailed;
        if (!single)
        {
            _writer.Savepoint();
        }

        long reservedHere = 0;
        try
        {
            var outcome = ApplyCommit(request, version, nowMs);
            if (outcome is not null && _budget is not null && outcome.DeltaBytes > 0)
            {
                _budget.Reserve(outcome.DeltaBytes);
                reservedHere = outcome.DeltaBytes;
            }

            if (outcome is null)
            {
                Undo(single);
            }
            else if (!single)
            {
                _writer.ReleaseSavepoint();
            }

            return outcome;
        }
        catch (Exception e)
        {
            _budget?.Release(reservedHere);
            Undo(single);
            failure = e;
            return null;
        }
    }

    private void Undo(bool single)
    {
        if (single)
        {
            _writer.Rollback();
        }
        else
        {
            _writer.RollbackToSavepoint();
        }
    }

    private void TryRollback()
    {
        try
        {
            _writer.Rollback();
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // Nothing more to undo: SQLite already rolled the transaction back.
        }
    }
}
