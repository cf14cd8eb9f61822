namespace EdgeKv.Domain.Nodes;

/// <summary>How a node's silence is read: the rules of <see cref="NodeHeartbeat"/> rows, defined once.</summary>
public static class NodeLiveness
{
    /// <summary>A node that missed this many heartbeats in a row is offline.</summary>
    public const int MissedBeatsOffline = 3;

    /// <summary>A node silent this long is removed from the list (it crashed or was taken away; a clean stop removes it at once).</summary>
    public static readonly TimeSpan RemoveAfter = TimeSpan.FromHours(1);

    /// <summary>How long lag samples are kept: the chart's window.</summary>
    public static readonly TimeSpan SampleRetention = TimeSpan.FromHours(1);

    /// <summary>True when a node last seen at <paramref name="lastSeenAt"/>, beating every <paramref name="interval"/>, is still online at <paramref name="now"/>.</summary>
    public static bool IsOnline(DateTime lastSeenAt, TimeSpan interval, DateTime now) =>
        now - lastSeenAt <= interval * MissedBeatsOffline;
}
