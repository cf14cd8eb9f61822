using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EdgeKv.Core.Registry;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Functions.Bindings;
using EdgeKv.Functions.Outbound;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// One process per project, started on the project's first request and kept: a request finds it running, or starts
/// it (again, after a crash or a kill), or replaces it when the active deployment or the bindings changed. Starts of
/// one project are serialized; projects never wait for each other. Every start goes to the project's log. It also
/// counts each project's requests in flight (<see cref="TryEnter"/>). Every process is stopped with the host.
/// </summary>
internal sealed class ProjectRuntimeManager : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, ProjectSlot> _projects = new();
    private readonly IKvStoreRegistry _registry;
    private readonly OutboundFetch _outbound;
    private readonly ILoggerFactory _loggers;
    private readonly RuntimeSettings _settings;
    private readonly ProjectLogBook _logs;

    public ProjectRuntimeManager(
        IKvStoreRegistry registry, OutboundFetch outbound, RuntimeSettings settings, ProjectLogBook logs, ILoggerFactory loggers)
    {
        _registry = registry;
        _outbound = outbound;
        _loggers = loggers;
        _settings = settings;
        _logs = logs;
    }

    /// <summary>
    /// The running process of <paramref name="projectId"/> when it runs <paramref name="deploymentId"/> with the very
    /// <paramref name="bindings"/> list it was last found to match: the bindings are one kept list until they change
    /// (FunctionTargetCache), so a warm request compares references, not keys. False: ask <see cref="GetAsync"/>.
    /// </summary>
    public bool TryGetRunning(int projectId, int deploymentId, IReadOnlyList<BoundStore> bindings, [NotNullWhen(true)] out ProjectRuntime? runtime)
    {
        runtime = _projects.TryGetValue(projectId, out var slot) ? slot.Current : null;
        if (runtime is { IsAlive: true } && runtime.DeploymentId == deploymentId && ReferenceEquals(runtime.BindingsSeen, bindings))
        {
            return true;
        }

        runtime = null;
        return false;
    }

    /// <summary>
    /// The running process of <paramref name="projectId"/> for <paramref name="deploymentId"/> and
    /// <paramref name="bindings"/>, started (with the files <paramref name="loadAsync"/> gives) when there is none.
    /// </summary>
    public async Task<ProjectRuntime> GetAsync(
        int projectId,
        int deploymentId,
        IReadOnlyList<BoundStore> bindings,
        Func<CancellationToken, Task<ActiveDeployment?>> loadAsync,
        CancellationToken cancellationToken)
    {
        var slot = SlotOf(projectId);
        var bindingsKey = string.Join('\n', bindings.Select(b => b.VariableName + "=" + b.StoreId));
        if (slot.Current is { IsAlive: true } running && running.DeploymentId == deploymentId && running.BindingsKey == bindingsKey)
        {
            running.BindingsSeen = bindings;
            return running;
        }

        await slot.Lock.WaitAsync(cancellationToken);
        try
        {
            Func<int, HostLogLine> started = HostLogLines.RuntimeStarted;
            if (slot.Current is { } current)
            {
                if (current.IsAlive && current.DeploymentId == deploymentId && current.BindingsKey == bindingsKey)
                {
                    return current;
                }

                started = current.IsAlive ? HostLogLines.RuntimeReplaced : HostLogLines.RuntimeRestarted;
                slot.Current = null;
                await current.DisposeAsync();
            }

            var deployment = await loadAsync(cancellationToken) ?? throw new RuntimeStartException(FunctionLimits.NotFound);
            var folder = await RuntimeWorkspace.PrepareAsync(_settings.WorkDirectory, _settings.DenoPath, deployment, bindings, cancellationToken);
            var logger = _loggers.CreateLogger("EdgeKv.Functions.Project" + projectId.ToString(CultureInfo.InvariantCulture));
            _logs.Write(projectId, ProjectLogLevel.Info, started(deploymentId));
            slot.Current = await ProjectRuntime.StartAsync(
                _settings, projectId, folder.Directory, deploymentId, bindingsKey, new BindingBridge(_registry, bindings, _outbound), _logs, logger, cancellationToken);
            slot.Current.BindingsSeen = bindings;
            return slot.Current;
        }
        finally
        {
            slot.Lock.Release();
        }
    }

    /// <summary>
    /// Counts a request of <paramref name="projectId"/> in, unless it already answers the limit's number: then false at
    /// once (a request is never queued behind a busy project). Each true is paired with <see cref="Exit"/>.
    /// </summary>
    public bool TryEnter(int projectId)
    {
        var slot = SlotOf(projectId);
        if (Interlocked.Increment(ref slot.InFlight) <= _settings.MaxConcurrentRequests)
        {
            return true;
        }

        Interlocked.Decrement(ref slot.InFlight);
        return false;
    }

    /// <summary>Counts a request of <paramref name="projectId"/> out.</summary>
    public void Exit(int projectId) => Interlocked.Decrement(ref SlotOf(projectId).InFlight);

    /// <summary>Stops the project's process (the wall-time limit's answer to a runaway function); the next request starts a new one.</summary>
    public void Stop(ProjectRuntime runtime) => runtime.Kill();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in _projects.Values)
        {
            if (slot.Current is { } runtime)
            {
                slot.Current = null;
                await runtime.DisposeAsync();
            }
        }
    }

    private ProjectSlot SlotOf(int projectId) => _projects.GetOrAdd(projectId, _ => new ProjectSlot());

    private sealed class ProjectSlot
    {
        // Requests in flight: a field, for Interlocked.
        public int InFlight;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        public ProjectRuntime? Current { get; set; }
    }
}
