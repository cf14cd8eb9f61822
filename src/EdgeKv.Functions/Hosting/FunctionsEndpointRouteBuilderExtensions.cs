using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeKv.Functions.Hosting;

/// <summary>Maps the functions of every project under one path prefix of the host's listener.</summary>
public static class FunctionsEndpointRouteBuilderExtensions
{
    /// <summary>The prefix: a project's functions answer at <c>/functions/{projectId}/</c>.</summary>
    public const string RoutePrefix = "/functions";

    /// <summary>
    /// <c>/functions/{projectId}/{**path}</c>, every method, anonymous (functions are public; their code decides).
    /// </summary>
    public static IEndpointConventionBuilder MapEdgeKvFunctions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(RoutePrefix).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        group.Map("/{projectId:int}", (HttpContext context, int projectId) => FunctionGateway.HandleAsync(context, projectId, null));
        group.Map("/{projectId:int}/{**path}", (HttpContext context, int projectId, string? path) => FunctionGateway.HandleAsync(context, projectId, path));
        return group;
    }
}
