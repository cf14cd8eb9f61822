using System.Collections.Concurrent;
using System.Diagnostics;
using EdgeKv.Testing.Repository;

namespace EdgeKv.Testing.Cluster;

/// <summary>
/// One EdgeKv node as its own operating-system process: the built console host (<c>dotnet EdgeKv.Web.dll</c>, from the
/// repository's root) configured as build/cluster.sh configures a node — admin database and engine on PostgreSQL, its
/// own data folder, the seeded admin's password, its console/HTTP API, KV Connect and functions listeners on free ports
/// of 127.0.0.1. Started and ready (<c>/readyz</c> answers 200) or an exception with the host's output; <see cref="KillAsync"/>
/// is <c>kill -9</c>. Killed on dispose, and at the latest when the test process exits.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>The password of the admin the first node seeds (every node is given it, as cluster.sh does).</summary>
    public const string AdminPassword = "Adm1n!Cluster";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    private const int OutputLinesKept = 200;

    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, string url, string dataFolder)
    {
        _process = process;
        Url = url;
        _dataFolder = dataFolder;
        ProcessId = process.Id;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The console's and HTTP API's address (HTTP/1.1 and HTTP/2), e.g. http://127.0.0.1:43117.</summary>
    public string Url { get; }

    /// <summary>The operating system's id of the process.</summary>
    public int ProcessId { get; }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The host's last lines of output, for a failing test to show.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts a node on the PostgreSQL database of <paramref name="connectionString"/> and waits until it is ready.
    /// <paramref name="settings"/> are further configuration keys (<c>Section:Key</c>) for this node.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "edgekv-nodes", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var info = new ProcessStartInfo("dotnet", [BuiltWebHost.Assembly()])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["EdgeKv:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Admin"] = connectionString,
            ["EdgeKv:DataDirectory"] = dataFolder,
            ["EdgeKv:Admin:Password"] = AdminPassword,
            ["Kestrel:Endpoints:Console:Url"] = url,
            ["Kestrel:Endpoints:KvConnect:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Kestrel:Endpoints:Functions:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            // Configuration keys through the environment, as cluster.sh sets them (':' is spelled '__' there).
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, url, dataFolder);
        try
        {
            await host.WaitReadyAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>kill -9</c>: the process ends at once, in whatever it was doing; returns once it has ended.</summary>
    public async Task KillAsync()
    {
        // On Unix, Process.Kill sends SIGKILL: no shutdown code of the host runs.
        _process.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (IsRunning)
        {
            await KillAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The OS temp cleaner will take it.
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = ProbeTimeout };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var ready = await http.GetAsync($"{Url}/readyz");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"The host was not ready within {ReadyTimeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(ProbeInterval);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }
    }

    // The test host may end without disposing (a crash, a cancelled run): a node it started must not outlive it.
    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
