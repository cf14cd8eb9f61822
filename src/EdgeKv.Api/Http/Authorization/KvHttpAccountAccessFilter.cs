using EdgeKv.Api.Access;
using EdgeKv.Api.KvConnect;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Http.Authorization;

/// <summary>
/// Authorizes the account-level endpoints (list, create, rename, delete namespaces) by bearer token through
/// <see cref="AccessTokenService.ResolveAccountAsync"/>: no or bad token 401, a token scoped to chosen namespaces 403,
/// a read-only token on a changing endpoint 403. The token's owner, as a <see cref="Caller"/>, is left for the handler.
/// </summary>
internal sealed class KvHttpAccountAccessFilter(bool writes) : IEndpointFilter
{
    private static readonly object CallerItem = new();

    /// <summary>The caller this filter resolved for the request.</summary>
    public static Caller CallerOf(HttpContext context) =>
        context.Items[CallerItem] as Caller ?? throw new InvalidOperationException("The endpoint is not behind KvHttpAccountAccessFilter.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!KvConnectAccess.TryGetBearerToken(context.Request, out var token))
        {
            return KvHttpError.Unauthorized(context, KvAccessErrors.MissingBearerToken);
        }

        var tokens = context.RequestServices.GetRequiredService<AccessTokenService>();
        var use = writes ? AccessTokenUse.Write : AccessTokenUse.Read;
        var resolution = await tokens.ResolveAccountAsync(token, use, context.RequestAborted);
        switch (resolution.Denial)
        {
            case AccessTokenDenial.None:
                break;
            case AccessTokenDenial.NamespaceScoped:
                return KvHttpError.Result(StatusCodes.Status403Forbidden, KvHttpErrorCodes.Forbidden, KvAccessErrors.AccountScopeRequired);
            default:
                return KvHttpError.Unauthorized(context, KvAccessErrors.InvalidAccessToken);
        }

        if (writes && !resolution.CanWrite)
        {
            return KvHttpError.Result(StatusCodes.Status403Forbidden, KvHttpErrorCodes.ReadOnly, KvAccessErrors.ReadOnlyAccountToken);
        }

        context.Items[CallerItem] = resolution.Caller;
        return await next(invocation);
    }
}
