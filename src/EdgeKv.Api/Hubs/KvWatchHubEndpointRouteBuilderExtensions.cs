using EdgeKv.Api.Access;
using EdgeKv.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace EdgeKv.Api.Hubs;

/// <summary>Maps <see cref="KvWatchHub"/>.</summary>
public static class KvWatchHubEndpointRouteBuilderExtensions
{
    /// <summary>The hub's path.</summary>
    public const string Path = "/hubs/kv-watch";

    /// <summary>
    /// Maps the watch hub at <see cref="Path"/>, anonymous to the console's cookie: every call is authorized by its
    /// access token instead, which browsers may send as the <c>access_token</c> query parameter here (only here). Needs <c>AddSignalR()</c> (Blazor Server's interactive components add it). Connecting
    /// (negotiate, then the transport's requests) counts against the token's rate limit.
    /// </summary>
    public static IEndpointConventionBuilder MapKvWatchHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<KvWatchHub>(Path).AllowAnonymous().RequireRateLimiting(AccessTokenRateLimitPolicy.Name)
            .WithMetadata(AccessTokenInQueryMetadata.Instance);
}
