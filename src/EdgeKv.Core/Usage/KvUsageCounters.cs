namespace EdgeKv.Core.Usage;

/// <summary>
/// The usage of one store since the last drain: reads, list pages, committed writes and deletes, bytes written. A
/// backend counts into it on every operation with one interlocked add per figure (no lock, no allocation), and the
/// owning <see cref="KvUsageMeter"/> takes the figures away in <see cref="KvUsageMeter.Drain"/>. Thread-safe.
/// </summary>
public sealed class KvUsageCounters
{
    private long _reads;
    private long _lists;
    private long _writes;
    private long _deletes;
    private long _bytesWritten;

    /// <summary>Counts keys read by a get or a get of many keys (one per key asked, found or not).</summary>
    public void Read(int keys) => Interlocked.Add(ref _reads, keys);

    /// <summary>Counts one list page read (one list call, or one batch of a streamed list).</summary>
    public void Listed() => Interlocked.Increment(ref _lists);

    /// <summary>
    /// Counts a durable commit's mutations: <paramref name="writes"/> set/sum/min/max mutations writing
    /// <paramref name="bytesWritten"/> bytes (keys and values), and <paramref name="deletes"/> delete mutations that removed a key.
    /// Call only once the commit is durable, so refused and failed commits count nothing.
    /// </summary>
    public void Committed(long writes, long deletes, long bytesWritten)
    {
        if (writes != 0)
        {
            Interlocked.Add(ref _writes, writes);
            Interlocked.Add(ref _bytesWritten, bytesWritten);
        }

        if (deletes != 0)
        {
            Interlocked.Add(ref _deletes, deletes);
        }
    }

    /// <summary>Takes the figures counted so far and starts again from zero; each operation is taken exactly once.</summary>
    internal KvUsageDelta Take(string storeId) => new(
        storeId,
        Interlocked.Exchange(ref _reads, 0),
        Interlocked.Exchange(ref _lists, 0),
        Interlocked.Exchange(ref _writes, 0),
        Interlocked.Exchange(ref _deletes, 0),
        Interlocked.Exchange(ref _bytesWritten, 0));

    /// <summary>
    /// Counts raw ranges as usage the way their clients mean them: Deno's <c>get</c> asks for the one-key range
    /// [key, key + 0x00) with limit 1, a read; any other range is a list page.
    /// </summary>
    internal void CountRawRanges(IReadOnlyList<Store.KvRawRange> ranges)
    {
        var reads = 0;
        foreach (var range in ranges)
        {
            if (IsOneKey(range))
            {
                reads++;
            }
            else
            {
                Listed();
            }
        }

        if (reads > 0)
        {
            Read(reads);
        }
    }

    private static bool IsOneKey(Store.KvRawRange range) =>
        range.Limit == 1
        && range.End.Length == range.Start.Length + 1
        && range.End.Span[^1] == 0
        && range.End.Span[..^1].SequenceEqual(range.Start.Span);
}
