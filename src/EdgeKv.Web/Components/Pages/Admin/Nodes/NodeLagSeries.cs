using EdgeKv.Domain.Nodes;

namespace EdgeKv.Web.Components.Pages.Admin.Nodes;

/// <summary>
/// The lag chart's data: one point per minute of the window, per node with any sample, holding the largest lag
/// measured in that minute (null: no measurement, a gap). The largest, because the bound is about the worst moment.
/// </summary>
/// <param name="Minutes">Each minute's start (UTC), oldest first.</param>
/// <param name="Lines">Per node, its name and its seconds of lag per minute.</param>
public sealed record NodeLagSeries(IReadOnlyList<DateTime> Minutes, IReadOnlyList<(string Name, double?[] Seconds)> Lines)
{
    /// <summary>True when some node measured a lag in the window.</summary>
    public bool HasData => Lines.Any(line => line.Seconds.Any(value => value is not null));

    /// <summary>Buckets <paramref name="view"/>'s samples by minute, from the window's start to its read time.</summary>
    public static NodeLagSeries From(NodesView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var first = MinuteOf(view.WindowStart);
        var count = (int)((MinuteOf(view.Now) - first).TotalMinutes) + 1;
        var minutes = Enumerable.Range(0, count).Select(i => first.AddMinutes(i)).ToList();
        var lines = view.Nodes.Where(node => node.Lag.Any(point => point.Lag is not null)).Select(node =>
        {
            var seconds = new double?[count];
            foreach (var point in node.Lag.Where(point => point.Lag is not null))
            {
                var index = (int)(MinuteOf(point.At) - first).TotalMinutes;
                if (index >= 0 && index < count)
                {
                    seconds[index] = Math.Max(seconds[index] ?? 0, point.Lag!.Value.TotalSeconds);
                }
            }

            return (node.Name, seconds);
        }).ToList();
        return new NodeLagSeries(minutes, lines);
    }

    private static DateTime MinuteOf(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
