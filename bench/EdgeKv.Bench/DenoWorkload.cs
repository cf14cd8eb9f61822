using System.Diagnostics;
using System.Text.Json;

namespace EdgeKv.Bench;

/// <summary>
/// The Deno KV half of the benchmark: bench/deno/kv-bench.ts, run by the Deno binary from npm
/// (<c>@deno/linux-x64-glibc</c>, installed by <c>npm ci --prefix bench</c>) as a child process on a fresh
/// directory. Each workload is one line sent to its stdin and one JSON line read back from its stdout.
/// </summary>
internal sealed class DenoWorkload : IEngineWorkload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly Task<string> _stderr;

    private DenoWorkload(Process process, DirectoryInfo directory)
    {
        _process = process;
        _directory = directory;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public string Runtime { get; private set; } = "Deno";

    public static async Task<DenoWorkload> StartAsync(string repoRoot, BenchPlan plan)
    {
        var deno = Path.Combine(repoRoot, "bench", "node_modules", "@deno", "linux-x64-glibc", "deno");
        if (!File.Exists(deno))
        {
            throw new InvalidOperationException($"Deno is not installed at {deno}; run `npm ci --prefix bench` first.");
        }

        var directory = Directory.CreateTempSubdirectory("edgekv-bench-");
        var start = new ProcessStartInfo(deno)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "run", "--unstable-kv", "--allow-read", "--allow-write", "--allow-env",
            Path.Combine(repoRoot, "bench", "deno", "kv-bench.ts"), directory.FullName, .. plan.ScriptArguments(),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The benchmark runs offline: no upgrade check, no permission prompt.
        start.Environment["DENO_NO_UPDATE_CHECK"] = "1";
        start.Environment["DENO_NO_PROMPT"] = "1";
        var workload = new DenoWorkload(Process.Start(start) ?? throw new InvalidOperationException($"could not start {deno}"), directory);
        workload.Runtime = (await workload.ReadAsync<Banner>()).Runtime;
        return workload;
    }

    public async Task<Measurement> RunAsync(string workload, int chunk = 0)
    {
        await _process.StandardInput.WriteLineAsync($"{workload} {chunk}");
        await _process.StandardInput.FlushAsync();
        var result = await ReadAsync<Result>();
        return new Measurement(result.Name, result.Ops, result.Ms);
    }

    /// <summary>Has the script check its sums and close its store, waits for it to exit, deletes the directory.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await RunAsync("close");
            }

            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
            _directory.Delete(recursive: true);
        }
    }

    private async Task<T> ReadAsync<T>()
    {
        var line = await _process.StandardOutput.ReadLineAsync();
        return line is null
            ? throw new InvalidOperationException($"the Deno workload stopped: {await _stderr}")
            : JsonSerializer.Deserialize<T>(line, Json) ?? throw new InvalidOperationException($"unexpected output: {line}");
    }

    private sealed record Banner(string Runtime);

    private sealed record Result(string Name, int Ops, double Ms);
}
