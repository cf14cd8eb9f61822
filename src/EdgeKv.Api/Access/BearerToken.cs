using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Access;

/// <summary>Where programs put their access token: the one reading of it, for authentication and rate limits alike.</summary>
internal static class BearerToken
{
    // The SignalR browser client puts accessTokenFactory's token in this query parameter (WebSockets, SSE transports).
    private const string QueryParameter = "access_token";

    /// <summary>
    /// The token of an <c>Authorization: Bearer ...</c> header or, on endpoints marked with
    /// <see cref="AccessTokenInQueryMetadata"/> (the watch hub), of the <c>access_token</c> query parameter. Only there:
    /// elsewhere a secret in a URL would end up in logs and browser histories.
    /// </summary>
    public static bool TryRead(HttpContext context, out string token)
    {
        token = "";
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            token = header[scheme.Length..].Trim();
        }
        else if (context.GetEndpoint()?.Metadata.GetMetadata<AccessTokenInQueryMetadata>() is not null)
        {
            token = context.Request.Query[QueryParameter].ToString();
        }

        return token.Length > 0;
    }
}

/// <summary>Marks an endpoint whose clients may send the access token as the <c>access_token</c> query parameter.</summary>
internal sealed class AccessTokenInQueryMetadata
{
    public static readonly AccessTokenInQueryMetadata Instance = new();
}
