using System.Diagnostics.Metrics;
using EdgeKv.Core.Diagnostics;

namespace EdgeKv.Bench.Writers;

/// <summary>Listens to the engine's group-commit size histogram: how many commits shared each transaction.</summary>
internal sealed class GroupSizeListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _groups;
    private long _commits;

    public GroupSizeListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KvMetrics.MeterName && instrument.Name == "edgekv.kv.group_commit.size")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, commits, _, _) =>
        {
            Interlocked.Increment(ref _groups);
            Interlocked.Add(ref _commits, commits);
        });
        _listener.Start();
    }

    /// <summary>Transactions and commits seen since the last call, and starts counting again.</summary>
    public (long Groups, long Commits) Take() => (Interlocked.Exchange(ref _groups, 0), Interlocked.Exchange(ref _commits, 0));

    public void Dispose() => _listener.Dispose();
}
