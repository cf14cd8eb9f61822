using EdgeKv.Api.Access;
using EdgeKv.Api.RateLimiting;
using EdgeKv.Api.Watching;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the programmatic APIs' services in a host.</summary>
public static class EdgeKvApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the APIs need to authorize programs: <see cref="DomainKvAccessResolver"/> as the
    /// <see cref="IKvAccessResolver"/>, over the domain's access tokens. Call <c>AddEdgeKvDomain</c> too; map the
    /// endpoints with <c>MapKvConnect</c> and <c>MapKvHttpApi</c> (and <c>AddKvHttpApiDocument</c> for its OpenAPI).
    /// Also registers the per-token rate limit those endpoints require (<c>EdgeKv:RateLimits:AccessToken</c>, checked at
    /// start-up); it applies where the host calls <c>UseRateLimiter()</c>.
    /// </summary>
    public static IServiceCollection AddEdgeKvApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IKvAccessResolver, DomainKvAccessResolver>();
        services.AddKvAccessPolicies();
        services.AddOptions<KvApiRateLimitOptions>()
            .BindConfiguration(KvApiRateLimitOptions.SectionName)
            .Validate(options => options.AccessToken.IsValid, "EdgeKv:RateLimits:AccessToken needs PermitLimit >= 1 and a Window longer than zero.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, AccessTokenRateLimitPolicy>(AccessTokenRateLimitPolicy.Name);
        });
        services.AddKvWatchLimits();
        return services;
    }

    /// <summary>
    /// Adds the one authentication of programs (the access-token scheme, <see cref="AccessTokenAuthentication"/>) and
    /// the access policies every programmatic endpoint requires (<see cref="KvAccessPolicies"/>), decided through the
    /// <see cref="IKvAccessResolver"/> the host registers; <see cref="AddEdgeKvApi"/> calls it. The host calls
    /// <c>UseAuthentication()</c> and <c>UseAuthorization()</c> (after <c>UseRateLimiter()</c>, so unknown tokens are
    /// bounded too).
    /// </summary>
    public static IServiceCollection AddKvAccessPolicies(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(service => service.ServiceType == typeof(KvAccessResultHandler)))
        {
            return services;
        }

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthentication.Scheme, null);
        KvAccessPolicies.Add(services.AddAuthorizationBuilder());
        services.AddScoped<IAuthorizationHandler, KvAccessAuthorizationHandler>();
        services.AddSingleton<KvAccessResultHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(provider => provider.GetRequiredService<KvAccessResultHandler>());
        return services;
    }

    /// <summary>
    /// Adds the bound on open watch streams (<see cref="KvWatchLimits"/>, defaults unless configured) that every watch
    /// endpoint needs; <see cref="AddEdgeKvApi"/> calls it. Bind the limits with
    /// <c>services.Configure&lt;KvWatchLimits&gt;(configuration.GetSection(KvWatchLimits.SectionName))</c>.
    /// </summary>
    public static IServiceCollection AddKvWatchLimits(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KvWatchLimits>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<WatchStreamGate>();
        return services;
    }
}
