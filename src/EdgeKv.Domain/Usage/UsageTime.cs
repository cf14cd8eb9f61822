namespace EdgeKv.Domain.Usage;

/// <summary>Usage history's clock arithmetic: whole minutes and buckets in UTC.</summary>
public static class UsageTime
{
    /// <summary>The start of the minute (UTC) that <paramref name="utc"/> falls in.</summary>
    public static DateTime MinuteOf(DateTime utc) => Floor(utc, TimeSpan.FromMinutes(1));

    /// <summary>The start of the <paramref name="bucket"/>-long interval, counted from the epoch, that <paramref name="utc"/> falls in.</summary>
    public static DateTime Floor(DateTime utc, TimeSpan bucket) =>
        new(utc.Ticks - (utc.Ticks % bucket.Ticks), DateTimeKind.Utc);
}
