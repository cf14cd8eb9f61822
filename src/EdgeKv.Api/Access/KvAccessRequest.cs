using EdgeKv.Domain.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeKv.Api.Access;

/// <summary>
/// The resource an access policy is evaluated on: whose credential, which namespace; the handler fills in what was
/// granted. For endpoints it is made from the request (<see cref="For"/>, the route's <c>namespaceId</c>), and what
/// was granted is left in the request's features (<see cref="KvAccess"/> reads it); the hub makes one per call.
/// </summary>
internal sealed class KvAccessRequest(KvCredential? credential, string namespaceId, CancellationToken cancellationToken)
{
    public KvCredential? Credential { get; } = credential;

    public string NamespaceId { get; } = namespaceId;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The namespace access granted, after a namespace requirement succeeded.</summary>
    public KvAccessGrant? Grant { get; set; }

    /// <summary>Who the token acts as, after an account requirement succeeded.</summary>
    public Caller? Caller { get; set; }

    public static KvAccessRequest For(HttpContext context) =>
        new(context.Features.Get<KvCredential>(), context.GetRouteValue("namespaceId") as string ?? "", context.RequestAborted);
}
