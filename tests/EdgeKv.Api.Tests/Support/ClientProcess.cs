using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace EdgeKv.Api.Tests.Support;

/// <summary>
/// A client script running as a real process. Scripts print one JSON document per line on stdout; the test reads
/// them as they come (<see cref="NextAsync"/>) or waits for the script to finish (<see cref="ResultAsync"/>). A
/// script that fails shows its stderr in the test's failure.
/// </summary>
internal sealed class ClientProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stderr = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _stderrWaits = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClientProcess(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = ClientRuntimes.ClientsDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
                _stdoutClosed.TrySetResult();
            }
            else if (e.Data.Length > 0)
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
                SignalStderrWaits();
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>deno run</c> on a script of tests/clients/deno with KV enabled and network to 127.0.0.1 only.</summary>
    public static ClientProcess StartDeno(string script, string accessToken, IReadOnlyDictionary<string, string> environment, params string[] extraPermissions)
    {
        var env = new Dictionary<string, string>(environment)
        {
            ["DENO_KV_ACCESS_TOKEN"] = accessToken,
            ["DENO_NO_UPDATE_CHECK"] = "1",
            ["DENO_NO_PROMPT"] = "1",
            ["NO_COLOR"] = "1",
            ["DENO_DIR"] = Path.Combine(Path.GetTempPath(), "edgekv-api-tests-deno-dir"),
        };
        string[] arguments = ["run", "--unstable-kv", "--allow-net=127.0.0.1", "--allow-env", .. extraPermissions, ClientRuntimes.DenoScript(script)];
        return new ClientProcess(ClientRuntimes.Deno(), arguments, env);
    }

    /// <summary>Starts <c>node</c> on a script of tests/clients/node.</summary>
    public static ClientProcess StartNode(string script, IReadOnlyDictionary<string, string> environment) =>
        new(ClientRuntimes.Node(), [ClientRuntimes.NodeScript(script)], environment);

    /// <summary>The next JSON line the script printed.</summary>
    public async Task<JsonElement> NextAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            var line = await _lines.Reader.ReadAsync(timeout.Token);
            return ParseLine(line);
        }
        catch (ChannelClosedException)
        {
            await _process.WaitForExitAsync(cancellationToken);
            throw new InvalidOperationException($"The script ended (exit {_process.ExitCode}) without printing more.\n{Stderr}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The script printed nothing within {s_timeout}.\n{Stderr}");
        }
    }

    /// <summary>Waits until the script's stderr holds <paramref name="text"/> (the runtime's own log lines, e.g. a retry).</summary>
    public async Task WaitForStderrAsync(string text, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stderr)
        {
            _stderrWaits.Add((text, seen));
            SignalStderrWaits();
        }

        try
        {
            await seen.Task.WaitAsync(s_timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The script's stderr did not show \"{text}\" within {s_timeout}.\n{Stderr}");
        }
    }

    // Under the lock of _stderr.
    private void SignalStderrWaits()
    {
        var written = _stderr.ToString();
        foreach (var (text, seen) in _stderrWaits.Where(w => written.Contains(w.Text, StringComparison.Ordinal)))
        {
            seen.TrySetResult();
        }
    }

    /// <summary>Writes a line to the script's stdin (a script waiting for the test to act goes on).</summary>
    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the script to end successfully and returns the last JSON line it printed.</summary>
    public async Task<JsonElement> ResultAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await _stdoutClosed.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The script did not finish within {s_timeout}.\n{Stderr}");
        }

        string? last = null;
        while (_lines.Reader.TryRead(out var line))
        {
            last = line;
        }

        if (_process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"The script failed (exit {_process.ExitCode}).\n{Stderr}");
        }

        return ParseLine(last);
    }

    /// <summary>Runs a Deno script to its end and returns its result.</summary>
    public static async Task<JsonElement> RunDenoAsync(
        string script, string accessToken, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, params string[] extraPermissions)
    {
        await using var process = StartDeno(script, accessToken, environment, extraPermissions);
        return await process.ResultAsync(cancellationToken);
    }

    /// <summary>Runs a Node script to its end and returns its result.</summary>
    public static async Task<JsonElement> RunNodeAsync(string script, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        await using var process = StartNode(script, environment);
        return await process.ResultAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    private JsonElement ParseLine(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"The script printed a line that is not JSON: {line}\n{Stderr}");
        }
    }
}
