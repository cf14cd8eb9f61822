using EdgeKv.Api.Access;
using EdgeKv.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeKv.Api.KvConnect;

/// <summary>Maps the KV Connect endpoints, through which unmodified Deno clients use EdgeKv namespaces.</summary>
public static class KvConnectEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps KV Connect under <paramref name="routePrefix"/>: a namespace's database URL is
    /// <c>{routePrefix}/{namespaceId}</c> (what <c>Deno.openKv(url)</c> takes, with the access token in
    /// <c>DENO_KV_ACCESS_TOKEN</c>), and the data path is <c>{routePrefix}/{namespaceId}/snapshot_read</c>,
    /// <c>/atomic_write</c> and <c>/watch</c>. Tokens are checked by the <see cref="IKvAccessResolver"/> registered in
    /// the host's services, on every request, and each token is rate limited (see <c>AddEdgeKvApi</c>).
    /// </summary>
    public static RouteGroupBuilder MapKvConnect(
        this IEndpointRouteBuilder endpoints, string routePrefix = "/kv/connect", KvConnectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var settings = options ?? new KvConnectOptions();
        // Anonymous as far as the host's authentication goes (a cookie fallback policy must not redirect Deno to a
        // login page): every request is authorized here, by its bearer token, through IKvAccessResolver.
        var group = endpoints.MapGroup(routePrefix).WithTags("KV Connect").AllowAnonymous()
            .RequireRateLimiting(AccessTokenRateLimitPolicy.Name)
            .WithMetadata(KvConnectEndpointMetadata.Instance);

        group.MapPost("/{namespaceId}", (HttpContext context, string namespaceId) =>
            MetadataExchangeEndpoint.HandleAsync(context, namespaceId, settings));
        group.MapPost("/{namespaceId}/snapshot_read", (HttpContext context, string namespaceId) =>
            SnapshotReadEndpoint.HandleAsync(context, namespaceId));
        group.MapPost("/{namespaceId}/atomic_write", (HttpContext context, string namespaceId) =>
            AtomicWriteEndpoint.HandleAsync(context, namespaceId));
        group.MapPost("/{namespaceId}/watch", (HttpContext context, string namespaceId) =>
            WatchEndpoint.HandleAsync(context, namespaceId, settings));
        return group;
    }
}
