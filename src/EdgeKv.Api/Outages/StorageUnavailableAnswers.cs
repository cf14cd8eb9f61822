using EdgeKv.Api.Access;
using EdgeKv.Api.RateLimiting;
using EdgeKv.Domain.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace EdgeKv.Api.Outages;

/// <summary>
/// Answers every request of the programmatic endpoints (HTTP API, KV Connect, the watch hub's negotiation) that met
/// an unavailable admin database or engine (<see cref="StorageUnavailability"/>) — in the token lookup, the access
/// policies, a domain query or the engine — with <see cref="KvRefusal.Unavailable"/> in the endpoint's protocol:
/// the HTTP API's JSON error, KV Connect's plain text (a 5xx, which Deno's client retries by itself). Without it such a
/// request would end in the host's generic 500 page, which a program cannot tell from a bug. The console's pages are
/// left to the host's error handling.
/// </summary>
public static class StorageUnavailableAnswers
{
    /// <summary>
    /// Adds the middleware. Put it after routing and the host's exception handler, before authentication: the token
    /// lookup is the first use of the admin database.
    /// </summary>
    public static IApplicationBuilder UseKvStorageUnavailableAnswers(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(static async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (StorageUnavailability.IsUnavailable(e) && !context.Response.HasStarted && IsProgramEndpoint(context))
            {
                context.Response.Clear();
                await KvRefusalResponse.WriteAsync(context, KvRefusal.Unavailable);
            }
        });
    }

    // The programmatic endpoints are exactly those rate limited per access token (HTTP API, KV Connect, the hub).
    private static bool IsProgramEndpoint(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == AccessTokenRateLimitPolicy.Name;
}
