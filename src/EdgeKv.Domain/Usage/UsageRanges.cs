namespace EdgeKv.Domain.Usage;

/// <summary>The buckets of each <see cref="UsageRange"/>: few enough points for a readable chart, each a whole number of minutes.</summary>
public static class UsageRanges
{
    /// <summary>How long one point of <paramref name="range"/> is.</summary>
    public static TimeSpan Bucket(this UsageRange range) => range switch
    {
        UsageRange.LastHour => TimeSpan.FromMinutes(1),
        _ => TimeSpan.FromMinutes(10),
    };

    /// <summary>How many points <paramref name="range"/> has (the last one holds now).</summary>
    public static int Points(this UsageRange range) => range switch
    {
        UsageRange.LastHour => 60,
        _ => 144,
    };

    /// <summary>The start of the first bucket of <paramref name="range"/> when it ends with the bucket holding <paramref name="nowUtc"/>.</summary>
    public static DateTime Start(this UsageRange range, DateTime nowUtc) =>
        UsageTime.Floor(nowUtc, range.Bucket()) - (range.Bucket() * (range.Points() - 1));
}
