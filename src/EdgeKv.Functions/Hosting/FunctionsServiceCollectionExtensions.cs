using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.Events;
using EdgeKv.Functions.Outbound;
using EdgeKv.Functions.Routing;
using EdgeKv.Functions.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Hosting;

/// <summary>Registers the functions runtime (needs <c>AddEdgeKvDomain</c>).</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The gateway's services, with <see cref="FunctionsOptions"/> bound from <c>EdgeKv:Functions</c> and validated at start-up.</summary>
    public static IServiceCollection AddEdgeKvFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FunctionsOptions>()
            .Bind(configuration.GetSection(FunctionsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RuntimeSettings>();
        services.AddSingleton<FunctionRouteCache>();
        services.AddSingleton<FunctionTargetCache>();
        services.AddSingleton<IDomainEventObserver>(provider => provider.GetRequiredService<FunctionTargetCache>());
        services.AddSingleton<OutboundFetch>();
        services.AddSingleton<FunctionGateway>();
        services.AddSingleton<FunctionInvoker>();
        // Deployments are loaded before they are kept (DeploymentService refuses code that does not load).
        services.AddScoped<IFunctionCodeVerifier, FunctionCodeVerifier>();
        services.AddSingleton<ProjectRuntimeManager>();
        services.AddHostedService(provider => provider.GetRequiredService<ProjectRuntimeManager>());
        return services;
    }
}
