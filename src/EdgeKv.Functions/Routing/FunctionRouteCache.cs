using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using EdgeKv.Domain.Deployments;

namespace EdgeKv.Functions.Routing;

/// <summary>
/// The route table of each deployment, built on its first request and kept: a deployment's files never change. A
/// failed load is not kept (the next request tries again); two first requests may both build it, harmlessly.
/// </summary>
internal sealed class FunctionRouteCache
{
    private readonly ConcurrentDictionary<int, FunctionRouteTable> _tables = new();

    /// <summary>The kept table of <paramref name="deploymentId"/>, if it is kept.</summary>
    public bool TryGet(int deploymentId, [NotNullWhen(true)] out FunctionRouteTable? table) => _tables.TryGetValue(deploymentId, out table);

    public async Task<FunctionRouteTable> ForAsync(int deploymentId, Func<Task<ActiveDeployment?>> loadAsync)
    {
        if (_tables.TryGetValue(deploymentId, out var table))
        {
            return table;
        }

        var deployment = await loadAsync();
        table = new FunctionRouteTable(deployment?.Files.Keys ?? []);
        return _tables.GetOrAdd(deploymentId, table);
    }
}
