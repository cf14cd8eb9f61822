using System.Collections.Concurrent;
using EdgeKv.Domain.Deployments;

namespace EdgeKv.Functions.Routing;

/// <summary>The route table of each deployment, built once: a deployment's files never change.</summary>
internal sealed class FunctionRouteCache
{
    private readonly ConcurrentDictionary<int, Lazy<Task<FunctionRouteTable>>> _tables = new();

    public Task<FunctionRouteTable> For(int deploymentId, Func<Task<ActiveDeployment?>> loadAsync)
    {
        var table = _tables.GetOrAdd(deploymentId, _ => new Lazy<Task<FunctionRouteTable>>(async () =>
            new FunctionRouteTable((await loadAsync())?.Files.Keys ?? [])));
        return table.Value;
    }
}
