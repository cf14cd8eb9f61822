using EdgeKv.Api.Access;
using EdgeKv.Api.Http.Contracts;
using EdgeKv.Api.Http.Endpoints;
using EdgeKv.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace EdgeKv.Api.Http;

/// <summary>Maps EdgeKv's HTTP API for programs: string keys and values in the EdgeOne/Cloudflare style, and SSE watch.</summary>
public static class KvHttpApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the HTTP API under <c>{routePrefix}/{namespaceId}</c>: <c>GET /keys</c>, <c>GET|PUT|DELETE /values/{key}</c>,
    /// <c>PUT /bulk</c>, <c>POST /bulk/delete</c> and <c>GET /watch</c>, and the account-level <c>GET|POST {routePrefix}</c>,
    /// <c>PATCH|DELETE {routePrefix}/{namespaceId}</c> (see docs/http-api.md). Every request is
    /// authorized by its bearer token through the access policies (<see cref="KvAccessPolicies"/>, over the
    /// <see cref="IKvAccessResolver"/> in the host's services); errors
    /// are <c>{"error":{"code","message"}}</c>; each token is rate limited (429 <c>rate_limited</c>, see <c>AddEdgeKvApi</c>). For the OpenAPI document, call
    /// <see cref="KvHttpApiServiceCollectionExtensions.AddKvHttpApiDocument"/> and the host's <c>MapOpenApi()</c>.
    /// </summary>
    public static RouteGroupBuilder MapKvHttpApi(
        this IEndpointRouteBuilder endpoints, string routePrefix = "/api/v1/namespaces", KvHttpApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var settings = options ?? new KvHttpApiOptions();
        MapNamespaceManagement(endpoints, routePrefix);
        MapFunctionsDeployment(endpoints);
        // Each endpoint requires an access policy (bearer token only: a console cookie never counts, and no fallback
        // policy redirects a program to a login page); it is decided before the endpoint reads a body.
        var group = endpoints.MapGroup(routePrefix + "/{namespaceId}")
            .WithTags("KV HTTP API")
            .RequireRateLimiting(AccessTokenRateLimitPolicy.Name)
            .AddEndpointFilter<KvHttpErrorFilter>();
        const string reads = KvAccessPolicies.NamespaceRead;
        const string writes = KvAccessPolicies.NamespaceWrite;

        group.MapGet("/keys", ListKeysEndpoint.HandleAsync).RequireAuthorization(reads)
            .WithName("ListKeys")
            .WithSummary("List string keys")
            .WithDescription("Keys under a string prefix in byte order, with expiration (Unix seconds) and metadata. limit 1..1000 (default 1000); pass the answer's cursor back for the next page. consistency=strong (default) or eventual (the node's read replica may answer while within its lag bound).")
            .Produces<ListKeysResponse>()
            .ProducesKvErrors(400);

        group.MapGet("/values/{**key}", GetValueEndpoint.HandleAsync).RequireAuthorization(reads)
            .WithName("GetValue")
            .WithSummary("Read a value")
            .WithDescription("Raw bytes by default; ?type=text|json|arrayBuffer|stream or Accept: text/plain / application/json for text or JSON. ETag is the versionstamp; X-EdgeKv-Encoding, X-EdgeKv-Expiration and X-EdgeKv-Metadata describe the value. The key is URL-encoded. consistency=strong (default) or eventual (the node's read replica may answer while within its lag bound).")
            .Produces<byte[]>(contentType: "application/octet-stream", additionalContentTypes: ["text/plain", "application/json"])
            .Produces(StatusCodes.Status304NotModified)
            .ProducesKvErrors(400, 404, 406);

        group.MapPut("/values/{**key}", PutValueEndpoint.HandleAsync).RequireAuthorization(writes)
            .WithName("PutValue")
            .WithSummary("Write a value")
            .WithDescription("The body (up to 25 MiB) is the value: text/* stored as text, application/json as JSON (validated), anything else as bytes. Optional ?expiration_ttl=seconds (>= 1), X-EdgeKv-Metadata (JSON, <= 1024 bytes), If-None-Match: * or If-Match: \"<versionstamp>\" (409 when it does not hold). Returns the new versionstamp, also as ETag.")
            // "*/*" too: any other type is stored as bytes (routing would otherwise answer 415 with no body).
            .Accepts<byte[]>("application/octet-stream", "text/plain", "application/json", "*/*")
            .Produces<WriteResponse>()
            .ProducesKvErrors(400, 409, 413, 507);

        group.MapDelete("/values/{**key}", DeleteValueEndpoint.HandleAsync).RequireAuthorization(writes)
            .WithName("DeleteValue")
            .WithSummary("Delete a key")
            .WithDescription("Deletes the key and its metadata (a no-op when missing); optional If-Match: \"<versionstamp>\".")
            .Produces<WriteResponse>()
            .ProducesKvErrors(400, 409);

        group.MapPut("/bulk", (Delegate)BulkWriteEndpoint.HandleAsync).RequireAuthorization(writes)
            .WithName("BulkWrite")
            .WithSummary("Write up to 10,000 keys at once")
            .WithDescription("A JSON array of {key, value, base64?, expiration_ttl?, metadata?}, applied all or nothing in one atomic commit.")
            .Accepts<BulkWriteRequestItem[]>("application/json")
            .Produces<BulkResponse>()
            .ProducesKvErrors(400, 413, 507);

        group.MapPost("/bulk/delete", (Delegate)BulkDeleteEndpoint.HandleAsync).RequireAuthorization(writes)
            .WithName("BulkDelete")
            .WithSummary("Delete up to 10,000 keys at once")
            .WithDescription("A JSON array of keys, deleted (with their metadata) all or nothing in one atomic commit.")
            .Accepts<string[]>("application/json")
            .Produces<BulkResponse>()
            .ProducesKvErrors(400, 413);

        group.MapGet("/watch", (HttpContext context, string[]? key, string? prefix, string? after, [FromHeader(Name = "Last-Event-ID")] string? lastEventId) =>
                WatchEndpoint.HandleAsync(context, key, prefix, after, lastEventId, settings.WatchKeepAliveInterval))
            .RequireAuthorization(reads)
            .WithName("Watch")
            .WithSummary("Watch keys or a prefix (Server-Sent Events)")
            .WithDescription("?key=a&key=b (up to 10) or ?prefix=p. Events are 'change' with data {versionstamp, initial, keys:[{key, versionstamp, encoding, value} | {key, deleted:true}]}; the id is the commit's versionstamp. Resume with ?after=<versionstamp> or Last-Event-ID.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesKvErrors(400);

        return group;
    }

    /// <summary>
    /// The account-level routes: list and create at <c>{routePrefix}</c>, rename and delete at
    /// <c>{routePrefix}/{namespaceId}</c> (no clash with the group below, whose routes all have a further segment).
    /// Authorized by a token over all namespaces of its owner's account.
    /// </summary>
    private static void MapNamespaceManagement(IEndpointRouteBuilder endpoints, string routePrefix)
    {
        var account = endpoints.MapGroup(routePrefix)
            .WithTags("Namespaces")
            .RequireRateLimiting(AccessTokenRateLimitPolicy.Name)
            .AddEndpointFilter<KvHttpErrorFilter>();
        const string reads = KvAccessPolicies.AccountRead;
        const string writes = KvAccessPolicies.AccountWrite;

        account.MapGet("", (Delegate)NamespaceEndpoints.ListAsync).RequireAuthorization(reads)
            .WithName("ListNamespaces")
            .WithSummary("List the account's namespaces")
            .WithDescription("Every namespace of the token owner's account, by name: {id, name, keyCount, bytes, createdAt}; id is the {namespaceId} of the other routes. Needs a token over all namespaces.")
            .Produces<NamespaceResponse[]>()
            .ProducesAccountErrors();

        account.MapPost("", (Delegate)NamespaceEndpoints.CreateAsync).RequireAuthorization(writes)
            .WithName("CreateNamespace")
            .WithSummary("Create a namespace")
            .WithDescription("Body {\"name\": \"...\"}: 1 to 64 letters, digits, '-' and '_', unique in the account; at most 10 namespaces per account (409). Needs a read-write token over all namespaces.")
            .Accepts<NamespaceNameRequest>("application/json")
            .Produces<NamespaceResponse>(StatusCodes.Status201Created)
            .ProducesAccountErrors(400, 409);

        account.MapPatch("/{namespaceId}", NamespaceEndpoints.RenameAsync).RequireAuthorization(writes)
            .WithName("RenameNamespace")
            .WithSummary("Rename a namespace")
            .WithDescription("Body {\"name\": \"...\"}. The id, data, tokens and bindings stay. Needs a read-write token over all namespaces.")
            .Accepts<NamespaceNameRequest>("application/json")
            .Produces<NamespaceResponse>()
            .ProducesAccountErrors(400, 404, 409);

        account.MapDelete("/{namespaceId}", NamespaceEndpoints.DeleteAsync).RequireAuthorization(writes)
            .WithName("DeleteNamespace")
            .WithSummary("Delete a namespace")
            .WithDescription("Deletes the namespace, its data and its bindings. Needs a read-write token over all namespaces.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesAccountErrors(404);
    }

    /// <summary>Documents the JSON error of each status, plus the refusals every account-level endpoint can answer.</summary>
    private static void MapFunctionsDeployment(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/projects/{projectId:int}/deployments", DeployFunctionsEndpoint.HandleAsync)
            .WithTags("Functions")
            .RequireRateLimiting(AccessTokenRateLimitPolicy.Name)
            .AddEndpointFilter<KvHttpErrorFilter>()
            .RequireAuthorization(KvAccessPolicies.AccountWrite)
            .WithName("DeployFunctions")
            .WithSummary("Deploy a project's functions")
            .WithDescription("Body {\"files\": {\"index.js\": \"export function onRequest() {...}\", \"api/users/[id].js\": \"...\"}}: the files of the project's functions/ folder (paths of letters, digits, '-', '_', '.', '[', ']', ending in .js or .ts; at most 200 files, 5 MiB together). The new deployment serves the next request at /functions/{projectId}/. Needs a read-write token over all of the project owner's namespaces.")
            .Accepts<DeploymentRequest>("application/json")
            .Produces<DeploymentResponse>(StatusCodes.Status201Created)
            .ProducesAccountErrors(400, 404);

        endpoints.MapGet("/api/v1/projects/{projectId:int}/deployments", DeploymentHistoryEndpoints.ListAsync)
            .WithTags("Functions")
            .RequireRateLimiting(AccessTokenRateLimitPolicy.Name)
            .AddEndpointFilter<KvHttpErrorFilter>()
            .RequireAuthorization(KvAccessPolicies.AccountRead)
            .WithName("ListDeployments")
            .WithSummary("List a project's deployments")
            .WithDescription("The project's deployments, newest first: id, when, who deployed it, file count, and which one is active (serves /functions/{projectId}/). Needs a token over all of the project owner's namespaces.")
            .Produces<List<DeploymentSummaryResponse>>()
            .ProducesAccountErrors(404);

        endpoints.MapPost("/api/v1/projects/{projectId:int}/deployments/{deploymentId:int}/activate", DeploymentHistoryEndpoints.ActivateAsync)
            .WithTags("Functions")
            .RequireRateLimiting(AccessTokenRateLimitPolicy.Name)
            .AddEndpointFilter<KvHttpErrorFilter>()
            .RequireAuthorization(KvAccessPolicies.AccountWrite)
            .WithName("ActivateDeployment")
            .WithSummary("Roll back (or forward) to a deployment")
            .WithDescription("Makes the project's deployment {deploymentId} the active one: it serves the next request at /functions/{projectId}/. No body. Needs a read-write token over all of the project owner's namespaces.")
            .Produces<DeploymentSummaryResponse>()
            .ProducesAccountErrors(404);
    }

    private static RouteHandlerBuilder ProducesAccountErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes.Concat([401, 403]).Distinct())
        {
            builder.Produces<ErrorResponse>(status);
        }

        return builder;
    }

    /// <summary>Documents the JSON error of each status, plus the refusals every endpoint can answer.</summary>
    private static RouteHandlerBuilder ProducesKvErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes.Concat([401, 403, 404]).Distinct())
        {
            builder.Produces<ErrorResponse>(status);
        }

        return builder;
    }
}
