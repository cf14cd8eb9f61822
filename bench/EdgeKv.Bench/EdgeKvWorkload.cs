using System.Diagnostics;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;
using EdgeKv.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EdgeKv.Bench;

/// <summary>
/// EdgeKv's side of the benchmark, in process through the public <see cref="IKvStore"/> API, on one backend with its
/// default options: a <see cref="SqliteKvStore"/> on a fresh directory, or a <see cref="PostgresKvStore"/> on a fresh
/// database. It mirrors bench/deno/kv-bench.ts statement for statement, so every column measures the same work.
/// </summary>
internal sealed partial class EdgeKvWorkload : IEngineWorkload
{
    private static readonly KvKey Counter = KvKey.Of("counter");

    private readonly KvValue _value = KvValue.Bytes(Enumerable.Repeat((byte)7, BenchPlan.ValueBytes).ToArray());
    private readonly BenchPlan _plan;
    private readonly IKvStore _store;
    private readonly DirectoryInfo? _directory;
    private bool _summed;

    private EdgeKvWorkload(BenchPlan plan, IKvStore store, string runtime, DirectoryInfo? directory)
    {
        _plan = plan;
        _store = store;
        Runtime = runtime;
        _directory = directory;
    }

    public string Runtime { get; }

    /// <summary>The SQLite backend on a fresh temp directory, deleted on dispose.</summary>
    public static EdgeKvWorkload OpenSqlite(BenchPlan plan)
    {
        var directory = Directory.CreateTempSubdirectory("edgekv-bench-");
        var store = SqliteKvStore.Open(Path.Combine(directory.FullName, "edgekv.db"));
        return new(plan, store, $"SqliteKvStore (SQLite {SqliteVersion()})", directory);
    }

    /// <summary>The PostgreSQL backend on <paramref name="connectionString"/>'s database (fresh: one per round).</summary>
    public static async Task<EdgeKvWorkload> OpenPostgresAsync(BenchPlan plan, string connectionString)
    {
        var store = await PostgresKvStore.OpenAsync(new PostgresKvStoreOptions { ConnectionString = connectionString }, "bench");
        return new(plan, store, $"PostgresKvStore (PostgreSQL {await PostgresVersionAsync(connectionString)})", null);
    }

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
            _directory?.Delete(recursive: true);
        }
    }

    private static KvKey Key(string prefix, int i) => KvKey.Of(prefix, KvKeyPart.FromNumber(i));

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }

    private static async Task<string> PostgresVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection.PostgreSqlVersion.ToString();
    }
}
