using EdgeKv.Bench;
using EdgeKv.Core.Sqlite;

// EdgeKv against Deno KV, same workload, same machine, same run (bench/README.md).
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
List<WorkloadResult> edgeKvRounds = [], denoRounds = [];
for (var round = 1; round <= rounds; round++)
{
    Console.Error.WriteLine($"round {round} of {rounds} ({plan.Sets:N0} sets per engine)...");
    await using var edgeKv = EdgeKvWorkload.Open(plan);
    await using var deno = await DenoWorkload.StartAsync(repoRoot, plan);

    // Both engines run each workload in turns, so a row's two numbers are measured under the same machine load;
    // which engine goes first alternates between rounds and between slices.
    IEngineWorkload[] engines = round % 2 == 1 ? [edgeKv, deno] : [deno, edgeKv];
    Dictionary<IEngineWorkload, List<Measurement>> measured = new() { [edgeKv] = [], [deno] = [] };
    foreach (var engine in engines)
    {
        await engine.RunAsync(BenchPlan.WarmUp);
    }

    foreach (var workload in BenchPlan.Workloads)
    {
        // Slice by slice, the engines take turns (and swap who goes first), so slow seconds hit both alike.
        for (var chunk = 0; chunk < BenchPlan.ChunksOf(workload); chunk++)
        {
            foreach (var engine in chunk % 2 == 0 ? engines : Enumerable.Reverse(engines))
            {
                var slice = await engine.RunAsync(workload, chunk);
                measured[engine].Add(slice);
                if (trace)
                {
                    Console.Error.WriteLine($"  {workload} slice {chunk}: {(engine == edgeKv ? "EdgeKv" : "Deno KV")} {slice.OpsPerSecond:N0} ops/s");
                }
            }
        }

        await Task.Delay(settle);
    }

    edgeKvRounds.Add(WorkloadResult.FromSlices(edgeKv.Runtime, measured[edgeKv]));
    denoRounds.Add(WorkloadResult.FromSlices(deno.Runtime, measured[deno]));
}

var fsyncAfter = DiskProbe.MedianFsyncMilliseconds();
var edgeKvResult = WorkloadResult.Median(edgeKvRounds);
var denoResult = WorkloadResult.Median(denoRounds);
var report = $"""
    ## EdgeKv vs Deno KV{(plan == BenchPlan.Quick ? " (quick run: a tenth of the counts)" : "")}

    Median of {rounds} round(s) per row; ratio > 1 means EdgeKv is faster.

    {ResultTable.Render(plan, edgeKvResult, denoResult)}
    {MachineFacts.Render(denoResult.Runtime, edgeKvResult.Runtime, fsyncBefore, fsyncAfter)}
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
