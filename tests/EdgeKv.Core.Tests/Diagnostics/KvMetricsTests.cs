using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Store;
using EdgeKv.Core.Tests.Support;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Tests.Diagnostics;

/// <summary>The engine's instruments, heard by a listener on the EdgeKv meter; the registry's stats for the gauges.</summary>
public sealed class KvMetricsTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commit_OkAndCheckFailed_CountedWithLatencyAndGroupSize()
    {
        // Arrange: a listener on the EdgeKv meter; measurements of other tests' stores may arrive too, so this test's
        // are told apart by counting at least what it did.
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == KvMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Tags(tags))));
        listener.Start();
        await using var db = TestStore.Create();

        // Act
        await db.Store.SetAsync(KvKey.Of("a"), KvValue.Text("x"), cancellationToken: _ct);
        await db.Store.CommitAsync(new KvAtomicWrite([new KvCheck(KvKey.Of("a"), null)], [new KvMutation(KvMutationKind.Delete, KvKey.Of("a"))]), _ct);
        await db.Store.GetAsync(KvKey.Of("a"), cancellationToken: _ct);

        // Assert
        var seen = measurements.ToList();
        Assert.Contains(seen, m => m is { Instrument: "edgekv.kv.operations", Tags: "kind=commit,outcome=ok" });
        Assert.Contains(seen, m => m is { Instrument: "edgekv.kv.operations", Tags: "kind=commit,outcome=check_failed" });
        Assert.Contains(seen, m => m is { Instrument: "edgekv.kv.operations", Tags: "kind=read,outcome=ok" });
        Assert.Contains(seen, m => m.Instrument == "edgekv.kv.commit.duration" && m.Value >= 0);
        Assert.Contains(seen, m => m.Instrument == "edgekv.kv.group_commit.size" && m.Value >= 1);
    }

    [Fact]
    public async Task OpenStoreStats_AfterWrites_TheWritersFiguresOfOpenStoresOnly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edgekv-metrics-tests", Guid.NewGuid().ToString("N"));
        await using (var registry = new SqliteKvStoreRegistry(folder))
        {
            var store = await registry.CreateNamespaceAsync("written", cancellationToken: _ct);
            await store.SetAsync(KvKey.Of("k"), KvValue.Text("value"), cancellationToken: _ct);

            var stats = registry.OpenStoreStats();

            var written = Assert.Single(stats);
            Assert.Equal("written", written.Key);
            Assert.Equal(1, written.Value.KeyCount);
            Assert.Equal((await store.GetStatsAsync(_ct)).StoredBytes, written.Value.StoredBytes);
        }

        Directory.Delete(folder, recursive: true);
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(",", parts);
    }
}
