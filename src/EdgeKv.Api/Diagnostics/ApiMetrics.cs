using System.Diagnostics.Metrics;
using EdgeKv.Core.Diagnostics;

namespace EdgeKv.Api.Diagnostics;

/// <summary>The APIs' instruments, on EdgeKv's one meter (<see cref="KvMetrics.Meter"/>).</summary>
internal static class ApiMetrics
{
    private static readonly UpDownCounter<long> OpenWatches = KvMetrics.Meter.CreateUpDownCounter<long>(
        "edgekv.watch.streams.open", "{stream}", "Watch streams open now, by protocol (sse, signalr, kvconnect).");

    private static readonly Counter<long> RefusedWatches = KvMetrics.Meter.CreateCounter<long>(
        "edgekv.watch.streams.refused", "{stream}", "Watch streams refused because a per-token or per-account limit was reached.");

    public static void WatchOpened(string protocol) => OpenWatches.Add(1, Tag("protocol", protocol));

    public static void WatchClosed(string protocol) => OpenWatches.Add(-1, Tag("protocol", protocol));

    public static void WatchRefused(string protocol, string scope) =>
        RefusedWatches.Add(1, Tag("protocol", protocol), Tag("scope", scope));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
