using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Store;

/// <summary>
/// One reader's buffer of changes. Holds up to <c>bufferSize</c> changes; past that, further changes are merged into
/// one (the latest versionstamp and the union of their keys), so a slow reader loses no changed key, memory stays
/// bounded by the distinct keys changed, and the publisher never blocks. The reader takes everything at once.
/// </summary>
internal sealed class ChangeSubscription(int bufferSize)
{
    private readonly Lock _gate = new();
    private readonly int _bufferSize = Math.Max(1, bufferSize);
    private List<KvChange> _pending = [];
    private List<KvKey>? _overflowKeys;
    private HashSet<KvKey>? _overflowSeen;
    private Versionstamp _overflowVersionstamp;
    private TaskCompletionSource? _signal;
    private bool _completed;

    public void Post(KvChange change)
    {
        TaskCompletionSource? signal;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            if (_pending.Count < _bufferSize)
            {
                _pending.Add(change);
            }
            else
            {
                MergeIntoOverflow(change);
            }

            signal = _signal;
            _signal = null;
        }

        signal?.TrySetResult();
    }

    public void Complete()
    {
        TaskCompletionSource? signal;
        lock (_gate)
        {
            _completed = true;
            signal = _signal;
            _signal = null;
        }

        signal?.TrySetResult();
    }

    /// <summary>
    /// The changes buffered so far (waiting for at least one), or null once the subscription has ended and is drained.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<IReadOnlyList<KvChange>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    var batch = _pending;
                    if (_overflowKeys is not null)
                    {
                        batch.Add(new KvChange(_overflowVersionstamp, _overflowKeys));
                        _overflowKeys = null;
                        _overflowSeen = null;
                    }

                    _pending = [];
                    return batch;
                }

                if (_completed)
                {
                    return null;
                }

                _signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _signal.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void MergeIntoOverflow(KvChange change)
    {
        _overflowKeys ??= [];
        _overflowSeen ??= [];
        _overflowVersionstamp = change.Versionstamp;
        foreach (var key in change.Keys)
        {
            if (_overflowSeen.Add(key))
            {
                _overflowKeys.Add(key);
            }
        }
    }
}
