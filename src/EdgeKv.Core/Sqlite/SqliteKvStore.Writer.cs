using System.Collections.Concurrent;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    // Owned by the writer loop (read elsewhere only through Volatile): the last durable commit version and stats.
    private ulong _lastVersion;
    private KvStoreStats _stats;

    private readonly ConcurrentQueue<WriteRequest> _pending = new();
    private int _writerBusy;
    private int _submitting;

    /// <summary>
    /// Runs the single writer until the queue is empty. Whoever takes the writer role runs it: usually the caller that
    /// found the writer idle (so a lone sequential writer pays no thread switch between its call, the SQLite commit and
    /// its continuation), and a thread-pool task when commits keep arriving (so no caller is held to write for others).
    /// Only one thread holds the role at a time, so commits stay serialized on the one write connection.
    /// </summary>
    private void RunWriter(bool inline)
    {
        var group = new List<CommitRequest>();
        while (true)
        {
            ApplyQueued(group);
            if (!_pending.IsEmpty && inline)
            {
                // More work arrived while this caller wrote: hand the role (still held) to the thread pool.
                ThreadPool.UnsafeQueueUserWorkItem(static store => store.RunWriter(inline: false), this, preferLocal: false);
                return;
            }

            Volatile.Write(ref _writerBusy, 0);

            // Re-check after releasing: a request queued just before the release would otherwise wait for the next one.
            if (_pending.IsEmpty || !TryTakeWriter())
            {
                return;
            }
        }
    }

    private bool TryTakeWriter() => Interlocked.CompareExchange(ref _writerBusy, 1, 0) == 0;

    /// <summary>Applies what is queued now: consecutive commits as groups, sweeps on their own.</summary>
    private void ApplyQueued(List<CommitRequest> group)
    {
        while (_pending.TryDequeue(out var request))
        {
            if (request is CommitRequest commit)
            {
                group.Add(commit);
                if (group.Count < _options.MaxGroupCommitSize)
                {
                    continue;
                }
            }

            ApplyGroupSafely(group);
            if (request is SweepRequest sweep)
            {
                ApplySweep(sweep);
            }
        }

        ApplyGroupSafely(group);
    }

    private void ApplyGroupSafely(List<CommitRequest> group)
    {
        if (group.Count == 0)
        {
            return;
        }

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
    private void ApplyGroup(List<CommitRequest> group)
    {
        var outcomes = new object?[group.Count];
        var single = group.Count == 1;
        var nowMs = NowMs();
        var version = _lastVersion;
        var stats = _stats;
        long reserved = 0;
        long shrunk = 0;
        var earliestExpiry = long.MaxValue;
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
            }

            if (version == _lastVersion)
            {
                _writer.Rollback();
                Settle(group, outcomes);
                return;
            }

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
                if (outcomes[i] is null or CommitOutcome)
                {
                    outcomes[i] = e;
                }
            }

            Settle(group, outcomes);
            return;
        }

        var committed = (int)(version - _lastVersion);
        _lastVersion = version;
        Volatile.Write(ref _stats, stats);
        _budget?.Release(shrunk);
        AfterDurableWrite(committed, earliestExpiry);
        Settle(group, outcomes);
    }

    /// <summary>
    /// Applies one commit; returns its outcome, or null with <paramref name="failure"/> set to
    /// <see cref="KvCommitResult.CheckFailed"/> or the exception that undid it.
    /// </summary>
    private CommitOutcome? ApplyInSavepoint(CommitRequest request, ulong version, long nowMs, bool single, out object failure)
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
