using System.Collections.Concurrent;

namespace EdgeKv.Core.Usage;

/// <summary>
/// Per-store usage counted in memory, off the write path: each store (of whichever backend) counts into its own
/// <see cref="KvUsageCounters"/>, found once when the store is opened, and a host drains the deltas every few seconds
/// to keep a history (the console's usage charts). Nothing here touches disk. Thread-safe.
/// </summary>
public sealed class KvUsageMeter
{
    private readonly ConcurrentDictionary<string, KvUsageCounters> _stores = new(StringComparer.Ordinal);

    /// <summary>The counters of <paramref name="storeId"/>, made on first use. Backends call this when they open a store.</summary>
    public KvUsageCounters CountersFor(string storeId)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeId);
        return _stores.GetOrAdd(storeId, static _ => new KvUsageCounters());
    }

    /// <summary>
    /// Takes what every store counted since the last drain and resets it: one delta per store that did something.
    /// Operations counted while this runs land in this drain or the next, never both and never neither.
    /// </summary>
    public IReadOnlyList<KvUsageDelta> Drain()
    {
        var deltas = new List<KvUsageDelta>();
        foreach (var (storeId, counters) in _stores)
        {
            var delta = counters.Take(storeId);
            if (!delta.IsEmpty)
            {
                deltas.Add(delta);
            }
        }

        return deltas;
    }

    /// <summary>Forgets a deleted store, with whatever it counted since the last drain (its history goes with it).</summary>
    public void Forget(string storeId) => _stores.TryRemove(storeId, out _);
}
