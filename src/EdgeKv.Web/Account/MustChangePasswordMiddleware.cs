using EdgeKv.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;

namespace EdgeKv.Web.Account;

/// <summary>
/// Keeps a user who must choose a new password (<see cref="EdgeKvClaims.MustChangePassword"/>, the admin with a
/// generated password) on the change-password page: every other page redirects there, and the console's other
/// signed-in endpoints (the Blazor circuit, downloads) answer 403. Anonymous endpoints stay open: the account pages,
/// the language and theme switches, static files and the programmatic APIs (which take access tokens, not cookies).
/// </summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.User.HasClaim(EdgeKvClaims.MustChangePassword, "true"))
        {
            return next(context);
        }

        var path = context.Request.Path;
        if (path.StartsWithSegments("/_blazor"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        var endpoint = context.GetEndpoint();
        if (endpoint is null || path.Equals(AccountPaths.ChangePassword, StringComparison.OrdinalIgnoreCase)
            || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return next(context);
        }

        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            var returnUrl = path + context.Request.QueryString;
            context.Response.Redirect($"{AccountPaths.ChangePassword}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }

        if (endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
