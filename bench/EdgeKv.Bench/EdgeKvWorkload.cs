using System.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Values;
using Microsoft.Data.Sqlite;

namespace EdgeKv.Bench;

/// <summary>
/// The EdgeKv half of the benchmark, in process, against a <see cref="SqliteKvStore"/> with its default options on a
/// fresh directory. It mirrors bench/deno/kv-bench.ts statement for statement, so both columns measure the same work.
/// </summary>
internal sealed partial class EdgeKvWorkload : IEngineWorkload
{
    private static readonly KvKey Counter = KvKey.Of("counter");

    private readonly KvValue _value = KvValue.Bytes(Enumerable.Repeat((byte)7, BenchPlan.ValueBytes).ToArray());
    private readonly BenchPlan _plan;
    private readonly DirectoryInfo _directory;
    private readonly SqliteKvStore _store;
    private bool _summed;

    private EdgeKvWorkload(BenchPlan plan, DirectoryInfo directory)
    {
        _plan = plan;
        _directory = directory;
        _store = SqliteKvStore.Open(Path.Combine(directory.FullName, "edgekv.db"));
        Runtime = $"SqliteKvStore (SQLite {SqliteVersion()})";
    }

    public string Runtime { get; }

    public static EdgeKvWorkload Open(BenchPlan plan) => new(plan, Directory.CreateTempSubdirectory("edgekv-bench-"));

    public async Task<Measurement> RunAsync(string workload, int chunk = 0)
    {
        Func<int, Task<int>> body = workload switch
        {
            BenchPlan.WarmUp => _ => WarmUpAsync(),
            "set" => SetAsync,
            "get" => GetAsync,
            "list" => _ => ListAllAsync(),
            "checkAndSet" => CheckAndSetAsync,
            "sum" => SumAsync,
            "concurrentSet" => ConcurrentSetAsync,
            _ => throw new ArgumentException($"unknown workload '{workload}'", nameof(workload)),
        };
        var stopwatch = Stopwatch.StartNew();
        var ops = await body(chunk);
        return new Measurement(workload, ops, stopwatch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Checks the sums all landed, closes the store and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            var counter = await _store.GetAsync(Counter);
            if (_summed && counter.Value?.AsU64() != (ulong)_plan.Atomics)
            {
                throw new InvalidOperationException($"counter is {counter.Value?.AsU64()}, not {_plan.Atomics}");
            }
        }
        finally
        {
            await _store.DisposeAsync();
            _directory.Delete(recursive: true);
        }
    }

    private static KvKey Key(string prefix, int i) => KvKey.Of(prefix, KvKeyPart.FromNumber(i));

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }
}
