using EdgeKv.Api.Access;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the programmatic APIs' services in a host.</summary>
public static class EdgeKvApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the APIs need to authorize programs: <see cref="DomainKvAccessResolver"/> as the
    /// <see cref="IKvAccessResolver"/>, over the domain's access tokens. Call <c>AddEdgeKvDomain</c> too; map the
    /// endpoints with <c>MapKvConnect</c> and <c>MapKvHttpApi</c> (and <c>AddKvHttpApiDocument</c> for its OpenAPI).
    /// </summary>
    public static IServiceCollection AddEdgeKvApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IKvAccessResolver, DomainKvAccessResolver>();
        return services;
    }
}
