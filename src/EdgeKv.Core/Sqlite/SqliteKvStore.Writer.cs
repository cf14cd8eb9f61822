using System.Collections.Concurrent;
using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    // Owned by the writer loop (read elsewhere only through Volatile): the last durable commit version and stats.
    private ulong _lastVersion;
    private KvStoreStats _stats;

    /// <summary>The stats as of the last durable commit, from memory (the registry's metrics read these).</summary>
    internal KvStoreStats CurrentStats => Volatile.Read(ref _stats);

    private readonly ConcurrentQueue<KvWriteRequest> _pending = new();
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
        var group = new List<KvCommitRequest>();
        while (true)
        {
            ApplyQueued(group);
            CatchUpCheckpointIfDue();
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

    /// <summary>
    /// For tests of group commit: takes the writer role so commits queue up instead of applying; disposing the result
    /// applies everything queued as one group and releases the role.
    /// </summary>
    internal IDisposable HoldWriter()
    {
        SpinWait.SpinUntil(TryTakeWriter);
        return new WriterHold(this);
    }

    private bool TryTakeWriter() => Interlocked.CompareExchange(ref _writerBusy, 1, 0) == 0;

    /// <summary>Applies what is queued now: consecutive commits as groups, sweeps on their own.</summary>
    private void ApplyQueued(List<KvCommitRequest> group)
    {
        while (_pending.TryDequeue(out var request))
        {
            if (request is KvCommitRequest commit)
            {
                group.Add(commit);
                if (group.Count < _options.MaxGroupCommitSize)
                {
                    continue;
                }
            }

            ApplyGroupSafely(group);
            if (request is KvSweepRequest sweep)
            {
                ApplySweep(sweep);
            }
        }

        ApplyGroupSafely(group);
    }

    private sealed class WriterHold(SqliteKvStore store) : IDisposable
    {
        public void Dispose() => store.RunWriter(inline: false);
    }
}
