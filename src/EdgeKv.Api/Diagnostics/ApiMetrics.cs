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

    private static readonly Counter<long> Refusals = KvMetrics.Meter.CreateCounter<long>(
        "edgekv.api.refusals", "{request}", "API requests refused for their credentials (reason: missing_token, invalid_token, other_namespace, read_only).");

    public static void WatchOpened(string protocol) => OpenWatches.Add(1, Tag("protocol", protocol));

    public static void WatchClosed(string protocol) => OpenWatches.Add(-1, Tag("protocol", protocol));

    public static void WatchRefused(string protocol, string scope) =>
        RefusedWatches.Add(1, Tag("protocol", protocol), Tag("scope", scope));

    public static void Refused(string api, string reason) => Refusals.Add(1, Tag("api", api), Tag("reason", reason));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
