namespace EdgeKv.Domain.Usage;

/// <summary>
/// A usage chart's data: one <see cref="UsagePoint"/> per bucket over the range (zeros included), and the stored
/// bytes per bucket from the first bucket whose size is known (history starts when something was first counted).
/// </summary>
/// <param name="Range">The range shown.</param>
/// <param name="Points">Every bucket, oldest first.</param>
/// <param name="StoredBytes">Stored bytes per bucket, from the first known one.</param>
/// <param name="HasHistory">False when nothing at all was recorded in the range (the charts' empty state).</param>
public sealed record UsageSeries(UsageRange Range, IReadOnlyList<UsagePoint> Points, IReadOnlyList<StoredBytesPoint> StoredBytes, bool HasHistory)
{
    /// <summary>Keys read over the range.</summary>
    public long TotalReads => Points.Sum(p => p.Reads);

    /// <summary>List pages read over the range.</summary>
    public long TotalLists => Points.Sum(p => p.Lists);

    /// <summary>Writes over the range.</summary>
    public long TotalWrites => Points.Sum(p => p.Writes);

    /// <summary>Deletes over the range.</summary>
    public long TotalDeletes => Points.Sum(p => p.Deletes);

    /// <summary>Bytes written over the range.</summary>
    public long TotalBytesWritten => Points.Sum(p => p.BytesWritten);
}
