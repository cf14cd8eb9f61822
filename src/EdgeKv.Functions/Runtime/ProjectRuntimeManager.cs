using System.Collections.Concurrent;
using EdgeKv.Core.Registry;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Deployments;
using EdgeKv.Functions.Bindings;
using EdgeKv.Functions.Outbound;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// One process per project, started on the project's first request and kept: a request finds it running, or starts
/// it (again, after a crash or a kill), or replaces it when the active deployment or the bindings changed. Starts of
/// one project are serialized; projects never wait for each other. Every process is stopped with the host.
/// </summary>
internal sealed class ProjectRuntimeManager : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, ProjectSlot> _projects = new();
    private readonly IKvStoreRegistry _registry;
    private readonly OutboundFetch _outbound;
    private readonly ILoggerFactory _loggers;
    private readonly string _denoPath;
    private readonly string _workDirectory;

    public ProjectRuntimeManager(
        IKvStoreRegistry registry, OutboundFetch outbound, IOptions<FunctionsOptions> options, IHostEnvironment environment, ILoggerFactory loggers)
    {
        _registry = registry;
        _outbound = outbound;
        _loggers = loggers;
        _denoPath = Path.GetFullPath(options.Value.DenoPath, environment.ContentRootPath);
        _workDirectory = Path.GetFullPath(options.Value.WorkDirectory, environment.ContentRootPath);
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
        var slot = _projects.GetOrAdd(projectId, _ => new ProjectSlot());
        var bindingsKey = string.Join('\n', bindings.Select(b => b.VariableName + "=" + b.StoreId));
        if (slot.Current is { IsAlive: true } running && running.DeploymentId == deploymentId && running.BindingsKey == bindingsKey)
        {
            return running;
        }

        await slot.Lock.WaitAsync(cancellationToken);
        try
        {
            if (slot.Current is { } current)
            {
                if (current.IsAlive && current.DeploymentId == deploymentId && current.BindingsKey == bindingsKey)
                {
                    return current;
                }

                slot.Current = null;
                await current.DisposeAsync();
            }

            var deployment = await loadAsync(cancellationToken) ?? throw new RuntimeStartException(FunctionLimits.NotFound);
            var directory = await RuntimeWorkspace.PrepareAsync(_workDirectory, _denoPath, deployment, bindings, cancellationToken);
            var logger = _loggers.CreateLogger("EdgeKv.Functions.Project" + projectId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            slot.Current = await ProjectRuntime.StartAsync(
                _denoPath, directory, deploymentId, bindingsKey, new BindingBridge(_registry, bindings, _outbound), logger, cancellationToken);
            return slot.Current;
        }
        finally
        {
            slot.Lock.Release();
        }
    }

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

    private sealed class ProjectSlot
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public ProjectRuntime? Current { get; set; }
    }
}
