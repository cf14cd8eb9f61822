using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Variables;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Hosting;

/// <summary>
/// Each project's <see cref="FunctionTarget"/>, read from the admin database once and then kept: the reads per
/// request were most of a warm request's cost (measured with bench/functions.sh, ADR 0009). Exact on the very next
/// request: it is an <see cref="IDomainEventObserver"/>, told synchronously of every committed change before the use
/// case returns, and any change empties it (changes are rare next to requests; a narrower rule would be one more
/// thing to keep right). A read that raced a change is not kept (the generation moved meanwhile).
/// </summary>
internal sealed class FunctionTargetCache : IDomainEventObserver
{
    private readonly ConcurrentDictionary<int, FunctionTarget> _targets = new();
    private long _generation;

    /// <summary>The kept target of <paramref name="projectId"/>, if it is kept.</summary>
    public bool TryGet(int projectId, [NotNullWhen(true)] out FunctionTarget? target) => _targets.TryGetValue(projectId, out target);

    /// <summary>The target of <paramref name="projectId"/>, read with the request's services when not kept.</summary>
    public async Task<FunctionTarget> GetAsync(int projectId, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (_targets.TryGetValue(projectId, out var kept))
        {
            return kept;
        }

        var generation = Interlocked.Read(ref _generation);
        var deploymentId = await services.GetRequiredService<DeploymentService>().ActiveIdAsync(projectId, cancellationToken);
        var bindings = await services.GetRequiredService<BindingService>().ListStoresForProjectAsync(projectId, cancellationToken);
        var environment = await services.GetRequiredService<ProjectVariableService>().ValuesForRuntimeAsync(projectId, cancellationToken);
        var target = new FunctionTarget(deploymentId, bindings, environment);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _targets[projectId] = target;
            if (Interlocked.Read(ref _generation) != generation)
            {
                // A change landed between the check and the store: drop what may be stale.
                _targets.TryRemove(projectId, out _);
            }
        }

        return target;
    }

    public void OnPublished(DomainEvent domainEvent)
    {
        Interlocked.Increment(ref _generation);
        _targets.Clear();
    }
}
