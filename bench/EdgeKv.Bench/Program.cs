using EdgeKv.Bench;

// EdgeKv against Deno KV, same workload, same machine, same run (bench/README.md).
// Options: --quick (a tenth of the counts), --rounds N (default 3; each row reports the median round).
var plan = args.Contains("--quick") ? BenchPlan.Quick : BenchPlan.Full;
var rounds = Option("--rounds") ?? 3;
var repoRoot = RepoRoot.Find();

var fsyncBefore = DiskProbe.MedianFsyncMilliseconds();
List<WorkloadResult> edgeKvRounds = [], denoRounds = [];
for (var round = 1; round <= rounds; round++)
{
    // Alternate which engine goes first, so a drift in the machine's load does not favour one side.
    Func<Task>[] runs =
    [
        async () => edgeKvRounds.Add(await WithTempDirectoryAsync(directory => EdgeKvWorkload.RunInDirectoryAsync(plan, directory))),
        async () => denoRounds.Add(await WithTempDirectoryAsync(directory => DenoWorkload.RunAsync(repoRoot, plan, directory))),
    ];
    Console.Error.WriteLine($"round {round} of {rounds} ({plan.Sets:N0} sets per engine)...");
    foreach (var run in round % 2 == 1 ? runs : Enumerable.Reverse(runs))
    {
        await run();
    }
}

var fsyncAfter = DiskProbe.MedianFsyncMilliseconds();
var edgeKv = WorkloadResult.Median(edgeKvRounds);
var deno = WorkloadResult.Median(denoRounds);
var report = $"""
    ## EdgeKv vs Deno KV{(plan == BenchPlan.Quick ? " (quick run: a tenth of the counts)" : "")}

    Median of {rounds} round(s) per row; ratio > 1 means EdgeKv is faster.

    {ResultTable.Render(plan, edgeKv, deno)}
    {MachineFacts.Render(deno.Runtime, edgeKv.Runtime, fsyncBefore, fsyncAfter)}
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

// Each engine gets a fresh directory that is deleted afterwards, whatever happens.
static async Task<T> WithTempDirectoryAsync<T>(Func<string, Task<T>> run)
{
    var directory = Directory.CreateTempSubdirectory("edgekv-bench-");
    try
    {
        return await run(directory.FullName);
    }
    finally
    {
        directory.Delete(recursive: true);
    }
}
