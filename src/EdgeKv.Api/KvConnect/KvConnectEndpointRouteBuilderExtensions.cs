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
    /// <c>/atomic_write</c> and <c>/watch</c>. Tokens are checked by the access policies (<see cref="KvAccessPolicies"/>) on every
    /// request, and each token is rate limited (see <c>AddEdgeKvApi</c>).
    /// </summary>
    public static RouteGroupBuilder MapKvConnect(
        this IEndpointRouteBuilder endpoints, string routePrefix = "/kv/connect", KvConnectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var settings = options ?? new KvConnectOptions();
        // Every request is authorized by its bearer token through the access policies (never a console cookie, and no
        // fallback policy redirects Deno to a login page); refusals are plain text, which Deno puts in its error.
        var group = endpoints.MapGroup(routePrefix).WithTags("KV Connect")
            .RequireRateLimiting(AccessTokenRateLimitPolicy.Name)
            .WithMetadata(KvConnectEndpointMetadata.Instance);

        group.MapPost("/{namespaceId}", (HttpContext context, string namespaceId) =>
            MetadataExchangeEndpoint.HandleAsync(context, namespaceId, settings))
            .RequireAuthorization(KvAccessPolicies.NamespaceRead);
        group.MapPost("/{namespaceId}/snapshot_read", (HttpContext context, string namespaceId) =>
            SnapshotReadEndpoint.HandleAsync(context, namespaceId))
            .RequireAuthorization(KvAccessPolicies.NamespaceRead);
        group.MapPost("/{namespaceId}/atomic_write", (HttpContext context, string namespaceId) =>
            AtomicWriteEndpoint.HandleAsync(context, namespaceId))
            .RequireAuthorization(KvAccessPolicies.NamespaceCommit);
        group.MapPost("/{namespaceId}/watch", (HttpContext context, string namespaceId) =>
            WatchEndpoint.HandleAsync(context, namespaceId, settings))
            .RequireAuthorization(KvAccessPolicies.NamespaceRead);
        return group;
    }
}
