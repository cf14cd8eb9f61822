using System.Diagnostics;
using System.Text.Json.Nodes;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.FunctionLogs;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// Loads a deployment before it is kept (<see cref="IFunctionCodeVerifier"/>): its files are written to a throwaway
/// folder, the module graph is checked as before a start (nothing outside the folder, every import found, every file
/// parsed), then a permission-less Deno process like the project's own imports every file — top-level code runs —
/// and reports which handlers each exports. A file no other file imports is a route and must export one. Whatever
/// fails is the refusal, in Deno's words with the file and line (the host's folder left out), and goes to the
/// project's log. A load that does not finish within the wall time (top-level code that never ends, or that awaits a
/// binding: bindings are not served while loading) is refused too, and so is one whose top-level code goes over the
/// memory limit: the process's memory is watched from before the first function file runs, as a project's process is
/// (<see cref="MemoryWatchdog"/>), and V8's heap flag is the same.
/// </summary>
internal sealed class FunctionCodeVerifier : IFunctionCodeVerifier
{
    private readonly RuntimeSettings _settings;
    private readonly BindingService _bindings;
    private readonly ProjectLogBook _logs;

    public FunctionCodeVerifier(RuntimeSettings settings, BindingService bindings, ProjectLogBook logs)
    {
        _settings = settings;
        _bindings = bindings;
        _logs = logs;
    }

    public async Task<DomainError?> FindLoadErrorAsync(int projectId, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(projectId, files, cancellationToken);
        if (refusal is not null)
        {
            _logs.Write(projectId, ProjectLogLevel.Error, refusal.Line);
        }

        return refusal?.Error;
    }

    private async Task<Refusal?> LoadAsync(int projectId, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        var bindings = await _bindings.ListStoresForProjectAsync(projectId, cancellationToken);
        RuntimeFolder folder;
        try
        {
            folder = await RuntimeWorkspace.PrepareAsync(_settings.WorkDirectory, _settings.DenoPath, new ActiveDeployment(projectId, 0, files), bindings, cancellationToken);
        }
        catch (RuntimeStartException exception)
        {
            return Refusal.NotLoading(exception.Message);
        }

        try
        {
            var handlers = await ReportAsync(folder.Directory, cancellationToken);
            if (handlers.Refusal is { } refusal)
            {
                return refusal;
            }

            return files.Keys.Order(StringComparer.Ordinal)
                .Where(path => !folder.ImportedFiles.Contains(path) && handlers.Exports!.GetValueOrDefault(path) is not { Count: > 0 })
                .Select(path => Refusal.NotLoading(FunctionLimits.NoHandler(path)))
                .FirstOrDefault();
        }
        finally
        {
            TryDelete(folder.Directory);
        }
    }

    private async Task<(Refusal? Refusal, Dictionary<string, List<string>>? Exports)> ReportAsync(string directory, CancellationToken cancellationToken)
    {
        using var process = Process.Start(RuntimeWorkspace.RunInfo(_settings.DenoPath, directory, _settings.MemoryMegabytes, RuntimeWorkspace.VerifyModule))
            ?? throw new RuntimeStartException("The Deno process did not start.");
        var channel = new FrameChannel(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_settings.WallTime);
        // Past the limit the process is killed, which ends the read below whatever it waits for.
        using var killer = limit.Token.Register(() => Kill(process));
        MemoryWatchdog? watchdog = null;
        var overMemory = false;
        try
        {
            // The loading frame comes before any function file runs; console output of top-level code comes as log
            // frames; the report is the "loaded" frame.
            while (await channel.ReadAsync(limit.Token) is { } frame)
            {
                switch (frame.Message?["t"]?.GetValue<string>())
                {
                    case "loading" when watchdog is null:
                        watchdog = MemoryWatchdog.WatchLoading(process.Id, channel, _settings.MemoryMegabytes, () =>
                        {
                            Volatile.Write(ref overMemory, true);
                            Kill(process);
                        });
                        break;
                    // The load may end before the watch's first sample: once more now.
                    case "loaded" when watchdog?.CheckNow() == true:
                        return (Refusal.OverMemory(_settings.MemoryMegabytes), null);
                    case "loaded" when frame.Message!["handlers"] is JsonObject handlers:
                        return (null, handlers.ToDictionary(
                            h => h.Key, h => (h.Value as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList(), StringComparer.Ordinal));
                }
            }

            // The process ended without a report: the memory limit stopped it, or a module failed to load or threw at its
            // top level (V8 ending a process past its heap flag says "out of memory", as ProjectRuntime recognizes it).
            await process.WaitForExitAsync(limit.Token);
            var errors = await stderr;
            if (Volatile.Read(ref overMemory) || RuntimeWorkspace.SaysOutOfMemory(errors))
            {
                return (Refusal.OverMemory(_settings.MemoryMegabytes), null);
            }

            var text = RuntimeWorkspace.Readable(errors, directory);
            return (Refusal.NotLoading(text.Length > 0 ? text : "the files did not load"), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Refusal.NotLoading(FunctionLimits.LoadTimedOut(_settings.WallTime)), null);
        }
        finally
        {
            if (watchdog is not null)
            {
                await watchdog.DisposeAsync();
            }

            channel.Complete();
            Kill(process);
            await ((Task)stderr).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // The deploy's answer and the project's log line, each by its code (the console words both in its language).
    private sealed record Refusal(DomainError Error, HostLogLine Line)
    {
        // Why the files did not load, in the runtime's words (or the host's, for the load time and a missing handler).
        public static Refusal NotLoading(string reason) => new(DomainErrors.FunctionCodeDoesNotLoad.With(reason), HostLogLines.DeploymentRefused(reason));

        public static Refusal OverMemory(int megabytes) => new(FunctionLimits.LoadMemoryExceeded(megabytes), HostLogLines.DeploymentOverMemory(megabytes));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover throwaway folder is harmless.
        }
    }
}
