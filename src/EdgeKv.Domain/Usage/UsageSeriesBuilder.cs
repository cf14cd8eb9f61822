namespace EdgeKv.Domain.Usage;

/// <summary>
/// Turns stored minutes into a <see cref="UsageSeries"/>: counts summed per bucket; stored bytes per bucket as the
/// sum, over namespaces, of each one's last sample by the bucket's end (a namespace idle for a while keeps its size).
/// </summary>
internal static class UsageSeriesBuilder
{
    /// <param name="range">The range.</param>
    /// <param name="nowUtc">Now; the last bucket holds it.</param>
    /// <param name="minutes">The minutes inside the range, any order.</param>
    /// <param name="before">Each namespace's last minute before the range, its size when the range starts.</param>
    /// <param name="currentBytes">The size now, when known exactly (one namespace): the last bucket shows it.</param>
    public static UsageSeries Build(
        UsageRange range, DateTime nowUtc, IEnumerable<NamespaceUsageMinute> minutes, IEnumerable<NamespaceUsageMinute> before, long? currentBytes)
    {
        var bucket = range.Bucket();
        var start = range.Start(nowUtc);
        var count = range.Points();
        var sizes = before.ToDictionary(m => m.NamespaceId, m => m.StoredBytes);
        var byBucket = minutes.Where(m => m.Minute >= start).OrderBy(m => m.Minute).ToLookup(m => (int)((m.Minute - start).Ticks / bucket.Ticks));
        var points = new List<UsagePoint>(count);
        var stored = new List<StoredBytesPoint>(count);
        for (var i = 0; i < count; i++)
        {
            var at = start + (bucket * i);
            var inBucket = byBucket[i].ToList();
            points.Add(new UsagePoint(at, inBucket.Sum(m => m.Reads), inBucket.Sum(m => m.Lists), inBucket.Sum(m => m.Writes),
                inBucket.Sum(m => m.Deletes), inBucket.Sum(m => m.BytesWritten)));
            foreach (var minute in inBucket)
            {
                sizes[minute.NamespaceId] = minute.StoredBytes;
            }

            var last = i == count - 1;
            if (last && currentBytes is { } current)
            {
                stored.Add(new StoredBytesPoint(at, current));
            }
            else if (sizes.Count > 0)
            {
                stored.Add(new StoredBytesPoint(at, sizes.Values.Sum()));
            }
        }

        var hasHistory = points.Any(p => p.Reads + p.Lists + p.Writes + p.Deletes > 0) || stored.Count > (currentBytes is null ? 0 : 1);
        return new UsageSeries(range, points, hasHistory ? stored : [], hasHistory);
    }
}
