using EdgeKv.Api.Access;
using EdgeKv.Api.KvConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Http.Authorization;

/// <summary>
/// Authorizes every HTTP API request by its bearer token through <see cref="IKvAccessResolver"/> before the handler
/// runs (and so before a request body is read): no or bad token 401, another namespace's token 403, unknown namespace
/// 404, a read-only token on a writing endpoint 403. The grant is left for the handler in the request's items.
/// </summary>
internal sealed class KvHttpAccessFilter(bool writes) : IEndpointFilter
{
    private static readonly object GrantItem = new();

    /// <summary>The grant this filter resolved for the request.</summary>
    public static KvAccessGrant GrantOf(HttpContext context) =>
        context.Items[GrantItem] as KvAccessGrant ?? throw new InvalidOperationException("The endpoint is not behind KvHttpAccessFilter.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!KvConnectAccess.TryGetBearerToken(context.Request, out var token))
        {
            return KvHttpError.Unauthorized(context, KvAccessErrors.MissingBearerToken);
        }

        var namespaceId = context.Request.RouteValues["namespaceId"] as string ?? "";
        var resolver = context.RequestServices.GetRequiredService<IKvAccessResolver>();
        var result = await resolver.ResolveAsync(token, namespaceId, writes ? KvAccessIntent.Write : KvAccessIntent.Read, context.RequestAborted);
        if (result.Grant is not { } grant)
        {
            return result.Denial switch
            {
                KvAccessDenial.OtherNamespace =>
                    KvHttpError.Result(StatusCodes.Status403Forbidden, KvHttpErrorCodes.Forbidden, KvAccessErrors.TokenForOtherNamespace),
                KvAccessDenial.NamespaceNotFound =>
                    KvHttpError.Result(StatusCodes.Status404NotFound, KvHttpErrorCodes.NamespaceNotFound, KvAccessErrors.NamespaceNotFound),
                _ => KvHttpError.Unauthorized(context, KvAccessErrors.InvalidAccessToken),
            };
        }

        if (writes && !grant.CanWrite)
        {
            return KvHttpError.Result(StatusCodes.Status403Forbidden, KvHttpErrorCodes.ReadOnly, KvAccessErrors.ReadOnlyToken);
        }

        context.Items[GrantItem] = grant;
        return await next(invocation);
    }
}
