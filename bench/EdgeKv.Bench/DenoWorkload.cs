using System.Diagnostics;
using System.Text.Json;

namespace EdgeKv.Bench;

/// <summary>
/// The Deno KV half of the benchmark: runs bench/deno/kv-bench.ts with the Deno binary from npm
/// (<c>@deno/linux-x64-glibc</c>, installed by <c>npm ci --prefix bench</c>) as a child process against a
/// fresh directory, and reads the JSON it prints.
/// </summary>
internal static class DenoWorkload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static string DenoPath(string repoRoot) =>
        Path.Combine(repoRoot, "bench", "node_modules", "@deno", "linux-x64-glibc", "deno");

    public static async Task<WorkloadResult> RunAsync(string repoRoot, BenchPlan plan, string dataDirectory)
    {
        var deno = DenoPath(repoRoot);
        if (!File.Exists(deno))
        {
            throw new InvalidOperationException($"Deno is not installed at {deno}; run `npm ci --prefix bench` first.");
        }

        var start = new ProcessStartInfo(deno)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--unstable-kv", "--allow-read", "--allow-write", "--allow-env" })
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(Path.Combine(repoRoot, "bench", "deno", "kv-bench.ts"));
        foreach (var argument in new[] { dataDirectory, $"{plan.Sets}", $"{plan.Atomics}", $"{plan.Writers}", $"{plan.SetsPerWriter}" })
        {
            start.ArgumentList.Add(argument);
        }

        // The benchmark runs offline: no upgrade check, no permission prompt.
        start.Environment["DENO_NO_UPDATE_CHECK"] = "1";
        start.Environment["DENO_NO_PROMPT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {deno}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the Deno workload exited with {process.ExitCode}: {await stderr}");
        }

        return JsonSerializer.Deserialize<DenoOutput>(await stdout, Json)?.ToResult()
            ?? throw new InvalidOperationException("the Deno workload printed no result");
    }

    private sealed record DenoOutput(string Runtime, List<DenoMeasurement> Results)
    {
        public WorkloadResult ToResult() => new(Runtime, [.. Results.Select(r => new Measurement(r.Name, r.Ops, r.Ms))]);
    }

    private sealed record DenoMeasurement(string Name, int Ops, double Ms);
}
