using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace EdgeKv.Bench;

/// <summary>What the numbers were measured on, printed under the table so a result is never read without it.</summary>
internal static class MachineFacts
{
    public static string Render(string denoRuntime, string sqliteStore, string postgresStore, double fsyncBeforeMs, double fsyncAfterMs)
    {
        var facts = new StringBuilder();
        facts.AppendLine($"- CPU: {CpuModel()}, {Environment.ProcessorCount} logical cores");
        facts.AppendLine($"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        facts.AppendLine($"- EdgeKv: {sqliteStore} and {postgresStore} (a server on 127.0.0.1 started for the run), on {RuntimeInformation.FrameworkDescription}, in process");
        facts.AppendLine($"- Deno KV: {denoRuntime}, Deno.openKv(path), a child process");
        facts.AppendLine("- Durability: every acknowledged commit is fsynced: Deno KV and EdgeKv's SQLite in WAL mode with synchronous=FULL, PostgreSQL with fsync and synchronous_commit on");
        facts.AppendLine($"- Storage: a fresh directory under {Path.GetTempPath()} per engine and round (PostgreSQL: a fresh database), deleted afterwards");
        facts.AppendLine(CultureInfo.InvariantCulture,
            $"- Disk: overwrite 4 KiB + fsync, median {fsyncBeforeMs:0.00} ms before the run and {fsyncAfterMs:0.00} ms after (the floor of one durable commit)");
        facts.AppendLine(CultureInfo.InvariantCulture, $"- Load average at the end: {LoadAverage()}");
        return facts.ToString();
    }

    // Other processes' load moves every number; /proc/loadavg says how busy the machine was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel()
    {
        const string Prefix = "model name";
        var line = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            : null;
        return line?[(line.IndexOf(':') + 1)..].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
