using System.Diagnostics;
using System.Reflection;

namespace EdgeKv.Core.Tests.Reliability;

/// <summary>
/// The EdgeKv.Core.CrashWriter child process: started on a store file, it writes until killed and prints each
/// acknowledged write. Collects those acknowledgements from its standard output.
/// </summary>
internal sealed class CrashWriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<(long N, Versionstamp Versionstamp)> _acknowledged = [];
    private readonly Lock _gate = new();
    private readonly Task _reading;

    private CrashWriterProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(ReadOutputAsync);
    }

    public static CrashWriterProcess Start(string storePath)
    {
        var info = new ProcessStartInfo(ExecutablePath(), [storePath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new CrashWriterProcess(Process.Start(info) ?? throw new InvalidOperationException("The crash writer did not start."));
    }

    public int AcknowledgedCount
    {
        get
        {
            lock (_gate)
            {
                return _acknowledged.Count;
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: the process gets no chance to flush, close or checkpoint anything.</summary>
    public async Task<IReadOnlyList<(long N, Versionstamp Versionstamp)>> KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _reading; // every line written before the kill is still in the pipe
        lock (_gate)
        {
            return [.. _acknowledged];
        }
    }

    public string ReadError() => _process.HasExited ? _process.StandardError.ReadToEnd() : string.Empty;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task ReadOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            // "ack <n> <versionstamp>"; a line cut short by the kill does not parse and is ignored.
            var parts = line.Split(' ');
            if (parts is ["ack", var n, var v] && long.TryParse(n, out var number) && Versionstamp.TryParse(v, out var versionstamp))
            {
                lock (_gate)
                {
                    _acknowledged.Add((number, versionstamp));
                }
            }
        }
    }

    private static string ExecutablePath()
    {
        var directory = typeof(CrashWriterProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CrashWriterDirectory").Value!;
        var name = OperatingSystem.IsWindows() ? "EdgeKv.Core.CrashWriter.exe" : "EdgeKv.Core.CrashWriter";
        var path = Path.GetFullPath(Path.Combine(directory, name));
        return File.Exists(path) ? path : throw new FileNotFoundException("Build EdgeKv.Core.CrashWriter first.", path);
    }
}
