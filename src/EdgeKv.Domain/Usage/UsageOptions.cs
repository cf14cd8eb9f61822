namespace EdgeKv.Domain.Usage;

/// <summary>How usage history is kept, bound from <c>EdgeKv:Usage</c>.</summary>
public sealed class UsageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "EdgeKv:Usage";

    /// <summary>Shortest flush interval accepted.</summary>
    public static readonly TimeSpan MinFlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>Longest flush interval accepted: a minute's row must be written while its minute is still on the charts.</summary>
    public static readonly TimeSpan MaxFlushInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the engine's usage counters are written to the admin database (<c>EdgeKv:Usage:FlushInterval</c>), and
    /// so how soon the console's usage charts show an operation. Also once more when the host stops.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>True when <see cref="FlushInterval"/> is within bounds.</summary>
    public bool IsValid => FlushInterval >= MinFlushInterval && FlushInterval <= MaxFlushInterval;
}
