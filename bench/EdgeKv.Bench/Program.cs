using EdgeKv.Bench;
using EdgeKv.Core.Sqlite;
using EdgeKv.Testing.Postgres;

// EdgeKv's two backends against Deno KV, same workload, same machine, same run (bench/README.md).
// Options: --quick (a tenth of the counts), --rounds N (default 3; each row reports the median round),
// --trace (print every slice's throughput to stderr).
var plan = args.Contains("--quick") ? BenchPlan.Quick : BenchPlan.Full;
var trace = args.Contains("--trace");
var rounds = Option("--rounds") ?? 3;
var repoRoot = RepoRoot.Find();

// EdgeKv checkpoints its log in the background (at most this long after a commit); pausing that long after each
// workload keeps its leftover disk work out of the next workload's measurements.
var settle = SqliteKvStoreOptions.Default.CheckpointInterval + TimeSpan.FromMilliseconds(500);

var fsyncBefore = DiskProbe.MedianFsyncMilliseconds();

// One PostgreSQL server for the whole run (tests/EdgeKv.Testing's: initdb in a temp folder, fsync and
// synchronous_commit on, 127.0.0.1 only), a fresh database per round; stopped and deleted at the end.
await using var postgres = await PostgresServer.StartAsync();
List<WorkloadResult> sqliteRounds = [], postgresRounds = [], denoRounds = [];
for (var round = 1; round <= rounds; round++)
{
    Console.Error.WriteLine($"round {round} of {rounds} ({plan.Sets:N0} sets per engine)...");
    await using var sqlite = EdgeKvWorkload.OpenSqlite(plan);
    await using var pg = await EdgeKvWorkload.OpenPostgresAsync(plan, await postgres.CreateDatabaseAsync());
    await using var deno = await DenoWorkload.StartAsync(repoRoot, plan);
    var names = new Dictionary<IEngineWorkload, string> { [sqlite] = "EdgeKv SQLite", [pg] = "EdgeKv PostgreSQL", [deno] = "Deno KV" };

    // The engines run each workload in turns, so a row's numbers are measured under the same machine load; which
    // engine goes first rotates between rounds and between slices.
    IEngineWorkload[] order = [sqlite, pg, deno];
    var measured = order.ToDictionary(engine => engine, _ => new List<Measurement>());
    foreach (var engine in order)
    {
        await engine.RunAsync(BenchPlan.WarmUp);
    }

    foreach (var workload in BenchPlan.Workloads)
    {
        // Slice by slice, the engines take turns (and rotate who goes first), so slow seconds hit all alike.
        for (var chunk = 0; chunk < BenchPlan.ChunksOf(workload); chunk++)
        {
            var first = (round + chunk) % order.Length;
            foreach (var engine in order.Skip(first).Concat(order.Take(first)))
            {
                var slice = await engine.RunAsync(workload, chunk);
                measured[engine].Add(slice);
                if (trace)
                {
                    Console.Error.WriteLine($"  {workload} slice {chunk}: {names[engine]} {slice.OpsPerSecond:N0} ops/s");
                }
            }
        }

        await Task.Delay(settle);
    }

    sqliteRounds.Add(WorkloadResult.FromSlices(sqlite.Runtime, measured[sqlite]));
    postgresRounds.Add(WorkloadResult.FromSlices(pg.Runtime, measured[pg]));
    denoRounds.Add(WorkloadResult.FromSlices(deno.Runtime, measured[deno]));
}

var fsyncAfter = DiskProbe.MedianFsyncMilliseconds();
var sqliteResult = WorkloadResult.Median(sqliteRounds);
var postgresResult = WorkloadResult.Median(postgresRounds);
var denoResult = WorkloadResult.Median(denoRounds);
var report = $"""
    ## EdgeKv (SQLite, PostgreSQL) vs Deno KV{(plan == BenchPlan.Quick ? " (quick run: a tenth of the counts)" : "")}

    Median of {rounds} round(s) per row; a ratio > 1 means that EdgeKv backend is faster than Deno KV.

    {ResultTable.Render(plan, sqliteResult, postgresResult, denoResult)}
    {MachineFacts.Render(denoResult.Runtime, sqliteResult.Runtime, postgresResult.Runtime, fsyncBefore, fsyncAfter)}
    """;
Console.WriteLine(report);

// Kept for comparing runs; bench/results/ is gitignored.
var results = Directory.CreateDirectory(Path.Combine(repoRoot, "bench", "results"));
await File.WriteAllTextAsync(Path.Combine(results.FullName, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}.md"), report);

int? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) && value > 0
        ? value
        : index >= 0 ? throw new ArgumentException($"{name} needs a positive number") : null;
}
