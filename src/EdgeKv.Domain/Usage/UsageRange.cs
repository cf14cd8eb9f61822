namespace EdgeKv.Domain.Usage;

/// <summary>How far back a usage chart looks.</summary>
public enum UsageRange
{
    /// <summary>The last hour, per minute.</summary>
    LastHour,

    /// <summary>The last 24 hours, per 10 minutes.</summary>
    LastDay,
}
