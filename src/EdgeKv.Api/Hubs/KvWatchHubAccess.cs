using EdgeKv.Api.Access;
using EdgeKv.Api.KvConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;

namespace EdgeKv.Api.Hubs;

/// <summary>
/// Authorizes one hub call to read a namespace, as the HTTP API authorizes a request: the token is resolved on every
/// call (a revoked one starts no new watch) and a refusal carries the HTTP API's message.
/// </summary>
internal static class KvWatchHubAccess
{
    // The SignalR browser client puts accessTokenFactory's token in this query parameter (WebSockets, SSE transports).
    private const string TokenQueryParameter = "access_token";

    /// <summary>The grant to read the namespace and the token it was given for; a <see cref="HubException"/> when refused.</summary>
    public static async Task<(KvAccessGrant Grant, string Token)> AuthorizeReadAsync(
        IKvAccessResolver resolver, HttpContext? context, string namespaceId, CancellationToken cancellationToken)
    {
        var token = context is null ? null : TokenOf(context.Request);
        if (string.IsNullOrEmpty(token))
        {
            throw new HubException(KvAccessErrors.MissingBearerToken);
        }

        var result = await resolver.ResolveAsync(token, namespaceId ?? "", KvAccessIntent.Read, cancellationToken);
        return (result.Grant ?? throw new HubException(result.Denial switch
        {
            KvAccessDenial.OtherNamespace => KvAccessErrors.TokenForOtherNamespace,
            KvAccessDenial.NamespaceNotFound => KvAccessErrors.NamespaceNotFound,
            _ => KvAccessErrors.InvalidAccessToken,
        }), token);
    }

    private static string? TokenOf(HttpRequest request)
    {
        // Long polling sends the token as a bearer header instead.
        if (KvConnectAccess.TryGetBearerToken(request, out var bearer))
        {
            return bearer;
        }

        return request.Query[TokenQueryParameter].ToString();
    }
}
