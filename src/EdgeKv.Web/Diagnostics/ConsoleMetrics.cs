using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;

namespace EdgeKv.Web.Diagnostics;

/// <summary>
/// The console host's instruments on EdgeKv's one meter (<see cref="KvMetrics.Meter"/>): sign-in failures, API
/// refusals, and the size of each namespace as observable gauges read at each collection from the registries of the
/// hosts running in this process (one in production) — the writer's in-memory figures of the open stores, so a scrape
/// touches no disk and opens no store.
/// </summary>
internal sealed class ConsoleMetrics : IDisposable
{
    private static readonly Counter<long> SignInFailures = KvMetrics.Meter.CreateCounter<long>(
        "edgekv.signin.failures", "{attempt}", "Failed console sign-ins, by reason (invalid_credentials, locked_out, not_allowed).");

    private static readonly Counter<long> ApiRefusals = KvMetrics.Meter.CreateCounter<long>(
        "edgekv.api.refusals", "{request}", "Programmatic API requests refused: 401 (no or bad token), 403 (scope, read-only), 429 (limits).");

    // One gauge per figure for the process: a second instrument of the same name and meter would be a duplicate to an
    // exporter, which keeps only one of them. Each host adds its registry while it runs.
    private static readonly ConcurrentDictionary<IKvStoreRegistry, byte> Registries = new();

    // Created with the type (the first ConsoleMetrics), kept for the life of the process.
    private static readonly ObservableGauge<long> NamespaceBytes = KvMetrics.Meter.CreateObservableGauge(
        "edgekv.namespace.bytes", () => Observe(stats => stats.StoredBytes), "By",
        "Bytes stored per namespace (open stores), as charged to the account's capacity.");

    private static readonly ObservableGauge<long> NamespaceKeys = KvMetrics.Meter.CreateObservableGauge(
        "edgekv.namespace.keys", () => Observe(stats => stats.KeyCount), "{key}", "Keys per namespace (open stores).");

    private readonly IKvStoreRegistry _registry;

    public ConsoleMetrics(IKvStoreRegistry registry)
    {
        GC.KeepAlive(NamespaceBytes);
        GC.KeepAlive(NamespaceKeys);
        _registry = registry;
        Registries.TryAdd(registry, 0);
    }

    public static void ApiRefused(int statusCode) => ApiRefusals.Add(1, new KeyValuePair<string, object?>("status", statusCode));

    public static void SignInFailed(string reason) => SignInFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => Registries.TryRemove(_registry, out _);

    private static List<Measurement<long>> Observe(Func<KvStoreStats, long> figure)
    {
        var measurements = new List<Measurement<long>>();
        foreach (var registry in Registries.Keys)
        {
            try
            {
                measurements.AddRange(registry.OpenStoreStats().Select(pair =>
                    new Measurement<long>(figure(pair.Value), new KeyValuePair<string, object?>("namespace", pair.Key))));
            }
            catch (ObjectDisposedException)
            {
                // That host is stopping.
            }
        }

        return measurements;
    }
}
