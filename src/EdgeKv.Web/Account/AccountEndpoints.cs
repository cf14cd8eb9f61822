using EdgeKv.Domain.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace EdgeKv.Web.Account;

/// <summary>
/// <c>POST /account/signout</c>: clears the authentication cookie. A form post (with the antiforgery token) from the
/// header's user menu; an interactive component cannot change cookies itself.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AccountPaths.SignOut, SignOutAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn)
    {
        // Validated here rather than by the middleware, which only checks endpoints that bind a form.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect("/");
    }
}
