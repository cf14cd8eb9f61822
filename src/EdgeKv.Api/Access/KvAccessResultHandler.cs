using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Access;

/// <summary>
/// Answers an access policy's refusal (<see cref="KvRefusalReason"/>) with its own status and message in the
/// endpoint's protocol, where ASP.NET would answer every refusal with a bare 403; everything else (the console's
/// cookie policies, challenges) goes to ASP.NET's own handling.
/// </summary>
internal sealed class KvAccessResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<KvRefusalReason>().FirstOrDefault() is { } reason)
        {
            return KvRefusalResponse.WriteAsync(context, reason.Refusal);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
