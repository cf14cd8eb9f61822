using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Functions.Bindings;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// One project's Deno process (docs/adr/0007-*): started with no permissions from its <see cref="RuntimeWorkspace"/>
/// folder, it reaches the world only through its stdin/stdout channel (<see cref="FrameChannel"/>). Requests go in as
/// frames and come back as responses, matched by id, many at a time; the process's binding calls are served by the
/// <see cref="BindingBridge"/> while the request waits. When the process ends (a crash, <c>Deno.exit</c>, a kill
/// for the wall-time limit, V8 out of its heap, the <see cref="MemoryWatchdog"/>'s kill) every waiting request fails — with
/// <see cref="FunctionLimits.MemoryExceeded"/> when a memory limit ended it, else <see cref="FunctionLimits.RuntimeFailed"/>
/// — and the runtime is <see cref="IsAlive"/> no more: the manager starts a new one for the next request. Its console
/// output and its death go to the project's log (<see cref="ProjectLogBook"/>).
/// </summary>
internal sealed class ProjectRuntime : IAsyncDisposable
{
    private readonly Process _process;
    private readonly FrameChannel _channel;
    private readonly BindingBridge _bridge;
    private readonly ILogger _logger;
    private readonly ProjectLogBook _logs;
    private readonly int _projectId;
    private readonly int _memoryMegabytes;
    // Striped wider than the default (one lock per core): every request adds and removes an entry, and with two
    // stripes those locks showed as contention under load.
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new(concurrencyLevel: 64, capacity: 64);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _directory;
    private readonly Task _readLoop;
    private readonly Task _errorLoop;
    private readonly SemaphoreSlim _environmentLock = new(1, 1);
    private volatile IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();
    private long _nextId;
    private IReadOnlyList<BoundStore>? _bindingsSeen;
    private volatile bool _alive = true;
    private volatile bool _outOfMemory;
    private bool _inV8Dump;
    private MemoryWatchdog? _watchdog;
    private Timer? _deadlines;

    private ProjectRuntime(Process process, BindingBridge bridge, ILogger logger, string directory, int projectId, ProjectLogBook logs, int memoryMegabytes)
    {
        _process = process;
        _bridge = bridge;
        _logger = logger;
        _directory = directory;
        _projectId = projectId;
        _logs = logs;
        _memoryMegabytes = memoryMegabytes;
        _channel = new FrameChannel(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, Kill);
        // The error loop first: the read loop waits for it when the process ends.
        _errorLoop = Task.Run(ErrorLoopAsync);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>The deployment it runs.</summary>
    public int DeploymentId { get; private init; }

    /// <summary>The bindings it was started with, as one comparable string (a change restarts the process).</summary>
    public string BindingsKey { get; private init; } = "";

    /// <summary>The last bindings list found to match <see cref="BindingsKey"/> (compared by reference first).</summary>
    public IReadOnlyList<BoundStore>? BindingsSeen { get => Volatile.Read(ref _bindingsSeen); set => Volatile.Write(ref _bindingsSeen, value); }

    /// <summary>False once the process has ended or was stopped.</summary>
    public bool IsAlive => _alive;

    /// <summary>Starts the process in <paramref name="directory"/> and waits for its ready frame (its modules loaded).</summary>
    public static async Task<ProjectRuntime> StartAsync(
        RuntimeSettings settings, int projectId, string directory, int deploymentId, string bindingsKey, BindingBridge bridge, ProjectLogBook logs, ILogger logger, CancellationToken cancellationToken)
    {
        var process = Process.Start(RuntimeWorkspace.RunInfo(settings.DenoPath, directory, settings.MemoryMegabytes))
            ?? throw new RuntimeStartException("The Deno process did not start.");
        var runtime = new ProjectRuntime(process, bridge, logger, directory, projectId, logs, settings.MemoryMegabytes)
        {
            DeploymentId = deploymentId,
            BindingsKey = bindingsKey,
        };
        try
        {
            // The memory watch began before the function files were evaluated (the loading frame), so it bounds their
            // top-level code too: a start past the limit ends here with the memory message.
            await runtime._ready.Task.WaitAsync(cancellationToken);
            var tick = DeadlineTick(settings.WallTime);
            runtime._deadlines = new Timer(static state => ((ProjectRuntime)state!).FailOverdue(), runtime, tick, tick);
            return runtime;
        }
        catch
        {
            await runtime.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Forwards <paramref name="request"/> and waits for the function's response until <paramref name="deadline"/>
    /// (<see cref="Environment.TickCount64"/> milliseconds): past it the wait fails with <see cref="WallTimeExceededException"/>.
    /// </summary>
    /// <remarks>
    /// The deadline is kept with the waiting request and checked by one timer per process, rather than a cancellation
    /// timer per request: those all take the runtime's one timer-queue lock, which showed as lock contention under load
    /// (docs/adr/0009-*).
    /// </remarks>
    public async Task<FunctionResponse> InvokeAsync(FunctionRequest request, long deadline, CancellationToken cancellationToken)
    {
        // Ids are 32 bits on the wire; they wrap long after any request that could still hold the old one.
        var id = (uint)Interlocked.Increment(ref _nextId);
        var pending = new PendingRequest(deadline);
        _pending[id] = pending;
        try
        {
            if (!_alive)
            {
                throw new RuntimeStartException(FunctionLimits.RuntimeFailed);
            }

            await SendEnvironmentAsync(request.Environment, cancellationToken);
            _channel.WriteRequest(id, request);
            return await pending.Task;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Kills the process (and anything it started) at once.</summary>
    public void Kill()
    {
        _alive = false;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _channel.Complete();
        if (_deadlines is not null)
        {
            await _deadlines.DisposeAsync();
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_readLoop, _errorLoop).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        // After the read loop, which starts it.
        if (_watchdog is not null)
        {
            await _watchdog.DisposeAsync();
        }

        _process.Dispose();
        _stopping.Dispose();
        _environmentLock.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A later start writes a fresh folder; a leftover is harmless.
        }
    }

    // The variables travel over the channel (never written to disk) when they differ from what the process has, ahead
    // of the request: a change takes effect on the next request without a restart.
    private async ValueTask SendEnvironmentAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        // The project's variables are one kept instance until they change (FunctionTargetCache): the same instance
        // as last sent needs no look inside and no lock.
        if (ReferenceEquals(environment, _environment))
        {
            return;
        }

        await _environmentLock.WaitAsync(cancellationToken);
        try
        {
            if (environment.Count == _environment.Count && environment.All(e => _environment.TryGetValue(e.Key, out var value) && value == e.Value))
            {
                _environment = environment;
                return;
            }

            var values = new JsonObject();
            foreach (var (name, value) in environment)
            {
                values[name] = value;
            }

            _channel.Write(new JsonObject { ["t"] = "env", ["values"] = values });
            _environment = environment;
        }
        finally
        {
            _environmentLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _channel.ReadAsync(_stopping.Token) is { } read)
            {
                if (read.Response is { } answer)
                {
                    Complete(read.Id, answer);
                    continue;
                }

                var frame = read.Message!;
                switch (frame["t"]?.GetValue<string>())
                {
                    case "loading" when _watchdog is null:
                        _watchdog = MemoryWatchdog.WatchLoading(_process.Id, _channel, _memoryMegabytes, StopOverMemory);
                        break;
                    // Ready only within the limit (a load can end before the watch's first sample); past it, stopped.
                    case "ready" when _watchdog?.CheckNow() != true:
                        _ready.TrySetResult();
                        break;
                    case "ready":
                        break;
                    case "call":
                        _ = ServeCallAsync(frame);
                        break;
                    case "log":
                        _logs.Write(
                            _projectId,
                            LevelOf(frame["level"]?.GetValue<string>()),
                            RuntimeWorkspace.WithoutHostDetails(frame["text"]?.GetValue<string>() ?? "", _directory),
                            frame["path"]?.GetValue<string>());
                        break;
                    default:
                        throw new InvalidDataException("An unknown frame from the runtime.");
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or JsonException or InvalidOperationException or FormatException)
        {
            // A garbled channel (function code writing to fd 1) is the project's own fault: stop it, start afresh.
            _logger.LogWarning(exception, "The functions runtime's channel failed; the process is stopped.");
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }

        var stoppedByHost = !_alive;
        Kill();
        // Its stderr says why it ended (V8's heap limit): read it to the end, which comes with the exit.
        await _errorLoop.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        var line = _outOfMemory ? HostLogLines.MemoryExceeded(_memoryMegabytes) : HostLogLines.RuntimeFailed;
        var message = line.Message;
        // A kill for the wall time is logged by the gateway; one for memory only here.
        if (!stoppedByHost || _outOfMemory)
        {
            _logs.Write(_projectId, ProjectLogLevel.Error, line);
        }

        _ready.TrySetException(new RuntimeStartException(message));
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new RuntimeStartException(message));
        }
    }

    // ArrayBuffers past the memory limit: V8's heap flag does not see them, the watchdog does.
    private void StopOverMemory()
    {
        _outOfMemory = true;
        Kill();
    }

    private static ProjectLogLevel LevelOf(string? level) => level switch
    {
        "debug" => ProjectLogLevel.Debug,
        "warn" => ProjectLogLevel.Warning,
        "error" => ProjectLogLevel.Error,
        _ => ProjectLogLevel.Info,
    };

    private void Complete(long id, FunctionResponse response)
    {
        if (_pending.TryGetValue(id, out var pending))
        {
            pending.TrySetResult(response);
        }
    }

    // A twentieth of the wall time, between 10 and 250 ms: a 30 s limit holds within a quarter second.
    private static TimeSpan DeadlineTick(TimeSpan wallTime) =>
        TimeSpan.FromMilliseconds(Math.Clamp(wallTime.TotalMilliseconds / 20, 10, 250));

    private void FailOverdue()
    {
        var now = Environment.TickCount64;
        // Enumerated as it is (Values would take every stripe's lock to copy them).
        foreach (var (_, pending) in _pending)
        {
            if (now >= pending.Deadline)
            {
                pending.TrySetException(new WallTimeExceededException());
            }
        }
    }

    // A request waiting for its response, with the moment it may wait until. Its continuation (writing the response to
    // the caller) goes to the thread pool, not onto the channel's reader: run there, the responses of one read would be
    // written one after another on one thread while the other core idles (measured: no faster, and a slow write
    // would hold up every other request of the project).
    private sealed class PendingRequest(long deadline) : TaskCompletionSource<FunctionResponse>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public long Deadline { get; } = deadline;
    }

    private async Task ServeCallAsync(JsonObject call)
    {
        try
        {
            var result = await _bridge.HandleAsync(call, _stopping.Token);
            _channel.Write(result);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The process is gone; its requests fail in the read loop.
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "A binding call of the functions runtime failed.");
            Kill();
        }
    }

    // Deno's own errors (a module that does not load, an uncaught error at the top level) go to the logs; V8's
    // heap-limit death is recognized by its first line, and its C stack dump that follows is nobody's business.
    private async Task ErrorLoopAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync(_stopping.Token) is { } line)
            {
                // V8's dump starts with its last GCs and names the cause a few lines later ("Fatal JavaScript out of memory").
                _inV8Dump |= line.StartsWith("<--- Last few GCs", StringComparison.Ordinal);
                _outOfMemory |= RuntimeWorkspace.SaysOutOfMemory(line);
                if (!_inV8Dump && !_outOfMemory && line.Trim().Length > 0)
                {
                    _logger.LogWarning("function runtime: {Line}", line);
                    _logs.Write(_projectId, ProjectLogLevel.Error, RuntimeWorkspace.Readable(line, _directory));
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The process is gone.
        }
    }
}
