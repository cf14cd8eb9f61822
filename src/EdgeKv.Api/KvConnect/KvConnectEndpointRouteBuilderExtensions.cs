using EdgeKv.Api.Access;
using EdgeKv.Api.RateLimiting;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeKv.Api.KvConnect;

/// <summary>Maps the KV Connect endpoints, through which unmodified Deno clients use EdgeKv namespaces.</summary>
public static class KvConnectEndpointRouteBuilderExtensions
{
    /// <summary>The path segment of a namespace's eventual-read endpoint and database URL (<c>{url}/eventual</c>).</summary>
    public const string EventualSegment = "/eventual";

    /// <summary>
    /// Maps KV Connect under <paramref name="routePrefix"/>: a namespace's database URL is
    /// <c>{routePrefix}/{namespaceId}</c> (what <c>Deno.openKv(url)</c> takes, with the access token in
    /// <c>DENO_KV_ACCESS_TOKEN</c>), and the data path is <c>{routePrefix}/{namespaceId}/snapshot_read</c>,
    /// <c>/atomic_write</c> and <c>/watch</c>. <c>{routePrefix}/{namespaceId}/eventual</c> is the namespace's eventual-read
    /// endpoint, also a database URL of its own (<see cref="MetadataExchangeEndpoint"/>): <c>snapshot_read</c> there
    /// reads eventually; <c>atomic_write</c> and <c>watch</c> there are refused. Tokens are checked by the access policies (<see cref="KvAccessPolicies"/>) on every
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
            MetadataExchangeEndpoint.HandleAsync(context, namespaceId, settings, eventualView: false))
            .RequireAuthorization(KvAccessPolicies.NamespaceRead);
        group.MapPost("/{namespaceId}/snapshot_read", (HttpContext context, string namespaceId) =>
            SnapshotReadEndpoint.HandleAsync(context, namespaceId, KvConsistency.Strong))
            .RequireAuthorization(KvAccessPolicies.NamespaceRead);
        group.MapPost("/{namespaceId}/atomic_write", (HttpContext context, string namespaceId) =>
            AtomicWriteEndpoint.HandleAsync(context, namespaceId))
            .RequireAuthorization(KvAccessPolicies.NamespaceCommit);
        group.MapPost("/{namespaceId}/watch", (HttpContext context, string namespaceId) =>
            WatchEndpoint.HandleAsync(context, namespaceId, settings))
            .RequireAuthorization(KvAccessPolicies.NamespaceRead);

        group.MapPost("/{namespaceId}" + EventualSegment, (HttpContext context, string namespaceId) =>
            MetadataExchangeEndpoint.HandleAsync(context, namespaceId, settings, eventualView: true))
            .RequireAuthorization(KvAccessPolicies.NamespaceRead);
        group.MapPost("/{namespaceId}" + EventualSegment + "/snapshot_read", (HttpContext context, string namespaceId) =>
            SnapshotReadEndpoint.HandleAsync(context, namespaceId, KvConsistency.Eventual))
            .RequireAuthorization(KvAccessPolicies.NamespaceRead);
        foreach (var refused in (string[])["/atomic_write", "/watch"])
        {
            group.MapPost("/{namespaceId}" + EventualSegment + refused, (HttpContext context) =>
                KvConnectHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, KvConnectErrors.EventualEndpointReadsOnly))
                .RequireAuthorization(KvAccessPolicies.NamespaceRead);
        }
        return group;
    }
}
