using EdgeKv.Api.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// Checks the bearer token of a KV Connect request against <see cref="IKvAccessResolver"/>, on the metadata exchange
/// and on every data path request alike, and answers refusals with the status Deno clients turn into an error.
/// </summary>
internal static class KvConnectAccess
{
    /// <summary>
    /// The grant of the request's token for <paramref name="namespaceId"/>, for a request about to
    /// <paramref name="intent"/>; null after answering a refusal.
    /// </summary>
    public static async Task<KvAccessGrant?> AuthorizeAsync(HttpContext context, string namespaceId, KvAccessIntent intent)
    {
        if (!TryGetBearerToken(context.Request, out var token))
        {
            await RefuseAsync(context, KvAccessDenial.InvalidToken, KvConnectErrors.MissingBearerToken);
            return null;
        }

        var resolver = context.RequestServices.GetRequiredService<IKvAccessResolver>();
        var result = await resolver.ResolveAsync(token, namespaceId, intent, context.RequestAborted);
        if (result.Grant is { } grant)
        {
            return grant;
        }

        var message = result.Denial switch
        {
            KvAccessDenial.OtherNamespace => KvConnectErrors.TokenForOtherNamespace,
            KvAccessDenial.NamespaceNotFound => KvConnectErrors.NamespaceNotFound,
            _ => KvConnectErrors.InvalidAccessToken,
        };
        await RefuseAsync(context, result.Denial, message);
        return null;
    }

    /// <summary>The database id clients see for the namespace of <paramref name="grant"/>.</summary>
    public static Guid DatabaseIdOf(KvAccessGrant grant, string namespaceId) => grant.DatabaseId ?? KvConnectDatabaseId.For(namespaceId);

    /// <summary>The token of an <c>Authorization: Bearer ...</c> header.</summary>
    public static bool TryGetBearerToken(HttpRequest request, out string token)
    {
        token = "";
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = header[scheme.Length..].Trim();
        return token.Length > 0;
    }

    private static async Task RefuseAsync(HttpContext context, KvAccessDenial denial, string message)
    {
        var status = denial switch
        {
            KvAccessDenial.OtherNamespace => StatusCodes.Status403Forbidden,
            KvAccessDenial.NamespaceNotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status401Unauthorized,
        };
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        await KvConnectHttp.WriteErrorAsync(context, status, message);
    }
}
