using System.Diagnostics.Metrics;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Registry;

namespace EdgeKv.Web.Diagnostics;

/// <summary>
/// The console host's instruments on EdgeKv's one meter (<see cref="KvMetrics.Meter"/>): sign-in failures, and the
/// size of each namespace as observable gauges read from the registry's open stores at each collection.
/// </summary>
internal sealed class ConsoleMetrics
{
    private static readonly Counter<long> SignInFailures = KvMetrics.Meter.CreateCounter<long>(
        "edgekv.signin.failures", "{attempt}", "Failed console sign-ins, by reason (invalid_credentials, locked_out, not_allowed).");

    private static int _gaugesRegistered;
    private static IKvStoreRegistry? _registry;

    /// <summary>Points the namespace gauges at this host's registry (one host per process in production; tests: the latest).</summary>
    public ConsoleMetrics(IKvStoreRegistry registry)
    {
        Volatile.Write(ref _registry, registry);
        if (Interlocked.Exchange(ref _gaugesRegistered, 1) == 0)
        {
            KvMetrics.Meter.CreateObservableGauge("edgekv.namespace.bytes", () => Observe(stats => stats.StoredBytes), "By",
                "Bytes stored per namespace (open stores), as charged to the account's capacity.");
            KvMetrics.Meter.CreateObservableGauge("edgekv.namespace.keys", () => Observe(stats => stats.KeyCount), "{key}",
                "Keys per namespace (open stores).");
        }
    }

    public static void SignInFailed(string reason) => SignInFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    private static IEnumerable<Measurement<long>> Observe(Func<Core.Store.KvStoreStats, long> figure)
    {
        if (Volatile.Read(ref _registry) is not { } registry)
        {
            return [];
        }

        try
        {
            return registry.OpenStoreStats()
                .Select(pair => new Measurement<long>(figure(pair.Value), new KeyValuePair<string, object?>("namespace", pair.Key)))
                .ToList();
        }
        catch (ObjectDisposedException)
        {
            return []; // the host is stopping
        }
    }
}
