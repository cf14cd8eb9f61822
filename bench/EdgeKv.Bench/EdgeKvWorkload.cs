using System.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using Microsoft.Data.Sqlite;

namespace EdgeKv.Bench;

/// <summary>
/// The EdgeKv half of the benchmark, in process, against a store opened on a fresh directory. It mirrors
/// bench/deno/kv-bench.ts statement for statement, so the two columns of the table measure the same work.
/// </summary>
internal sealed class EdgeKvWorkload(IKvStore store, BenchPlan plan)
{
    private static readonly KvKey Counter = KvKey.Of("counter");
    private static readonly KvListSelector BenchPrefix = KvListSelector.WithPrefix(KvKey.Of("bench"));

    private readonly KvValue _value = KvValue.Bytes(Enumerable.Repeat((byte)7, BenchPlan.ValueBytes).ToArray());

    /// <summary>Opens a <see cref="SqliteKvStore"/> with its default options in <paramref name="directory"/> and runs the plan.</summary>
    public static async Task<WorkloadResult> RunInDirectoryAsync(BenchPlan plan, string directory)
    {
        IReadOnlyList<Measurement> measurements;
        await using (var store = SqliteKvStore.Open(Path.Combine(directory, "edgekv.db")))
        {
            measurements = await new EdgeKvWorkload(store, plan).RunAsync();
        }

        return new WorkloadResult($"SqliteKvStore (SQLite {SqliteVersion()})", measurements);
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }

    public async Task<IReadOnlyList<Measurement>> RunAsync()
    {
        await WarmUpAsync();
        Measurement[] measurements =
        [
            await MeasureAsync("set", SetAllAsync),
            await MeasureAsync("get", GetAllAsync),
            await MeasureAsync("list", ListAllAsync),
            await MeasureAsync("checkAndSet", CheckAndSetAsync),
            await MeasureAsync("sum", SumAsync),
            await MeasureAsync("concurrentSet", ConcurrentSetAsync),
        ];
        await VerifyCounterAsync();
        return measurements;
    }

    private static KvKey Key(string prefix, int i) => KvKey.Of(prefix, KvKeyPart.FromNumber(i));

    private static async Task<Measurement> MeasureAsync(string name, Func<Task<int>> body)
    {
        var stopwatch = Stopwatch.StartNew();
        var ops = await body();
        return new Measurement(name, ops, stopwatch.Elapsed.TotalMilliseconds);
    }

    // Same warm-up as the Deno script: every operation once over keys no measurement touches, so no row is timed
    // while tiered JIT or SQLite's page cache is cold.
    private async Task WarmUpAsync()
    {
        for (var i = 0; i < plan.Warmup; i++)
        {
            await store.SetAsync(Key("warmup", i), _value);
        }

        for (var i = 0; i < plan.Warmup; i++)
        {
            await store.GetAsync(Key("warmup", i));
        }

        await foreach (var _ in store.ListAsync(KvListSelector.WithPrefix(KvKey.Of("warmup"))))
        {
        }

        for (var i = 0; i < plan.Warmup / 10; i++)
        {
            var current = await store.GetAsync(Key("warmup", i));
            await store.Atomic().Check(current.Key, current.Versionstamp).Set(current.Key, _value).CommitAsync();
            await store.Atomic().Sum(KvKey.Of("warmup-counter"), 1).CommitAsync();
        }
    }

    private async Task<int> SetAllAsync()
    {
        for (var i = 0; i < plan.Sets; i++)
        {
            await store.SetAsync(Key("bench", i), _value);
        }

        return plan.Sets;
    }

    private async Task<int> GetAllAsync()
    {
        for (var i = 0; i < plan.Sets; i++)
        {
            var entry = await store.GetAsync(Key("bench", i));
            if (!entry.Exists)
            {
                throw new InvalidOperationException($"missing {entry.Key}");
            }
        }

        return plan.Sets;
    }

    private async Task<int> ListAllAsync()
    {
        var listed = 0;
        await foreach (var _ in store.ListAsync(BenchPrefix))
        {
            listed++;
        }

        return listed == plan.Sets ? listed : throw new InvalidOperationException($"listed {listed} of {plan.Sets}");
    }

    private async Task<int> CheckAndSetAsync()
    {
        var committed = 0;
        for (var i = 0; i < plan.Atomics; i++)
        {
            var key = Key("bench", i);
            var current = await store.GetAsync(key);
            var result = await store.Atomic().Check(key, current.Versionstamp).Set(key, _value).CommitAsync();
            committed += result.Ok ? 1 : 0;
        }

        return committed;
    }

    private async Task<int> SumAsync()
    {
        for (var i = 0; i < plan.Atomics; i++)
        {
            var result = await store.Atomic().Sum(Counter, 1).CommitAsync();
            if (!result.Ok)
            {
                throw new InvalidOperationException("sum did not commit");
            }
        }

        return plan.Atomics;
    }

    private async Task VerifyCounterAsync()
    {
        var counter = await store.GetAsync(Counter);
        if (counter.Value?.AsU64() != (ulong)plan.Atomics)
        {
            throw new InvalidOperationException($"counter is {counter.Value?.AsU64()}, not {plan.Atomics}");
        }
    }

    // Each writer awaits its own sets one after another, like an async Deno function; the writers overlap.
    private async Task<int> ConcurrentSetAsync()
    {
        async Task WriteAsync(int writer)
        {
            for (var j = 0; j < plan.SetsPerWriter; j++)
            {
                await store.SetAsync(KvKey.Of("writer", KvKeyPart.FromNumber(writer), KvKeyPart.FromNumber(j)), _value);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, plan.Writers).Select(w => Task.Run(() => WriteAsync(w))));
        return plan.Writers * plan.SetsPerWriter;
    }
}
