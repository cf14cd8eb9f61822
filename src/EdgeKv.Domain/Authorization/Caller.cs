using System.Security.Claims;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Identity;

namespace EdgeKv.Domain.Authorization;

/// <summary>
/// Who is calling a service: every service method takes one and decides with it. A user reaches only their own
/// account, namespaces, records, projects and bindings; an admin reaches all of them and the admin-only operations.
/// </summary>
/// <param name="UserId">The Identity user id of the signed-in user.</param>
/// <param name="IsAdmin">True when the user is in the <see cref="EdgeKvRoles.Admin"/> role.</param>
public sealed record Caller(string UserId, bool IsAdmin)
{
    /// <summary>
    /// The caller a signed-in principal stands for (user id from <see cref="ClaimTypes.NameIdentifier"/>, admin by
    /// role, as Identity issues them). Throws <see cref="DomainErrors.NotSignedIn"/> for an anonymous principal.
    /// </summary>
    public static Caller FromPrincipal(ClaimsPrincipal principal)
    {
        var userId = principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return string.IsNullOrEmpty(userId)
            ? throw DomainErrors.NotSignedIn.ToException()
            : new Caller(userId, principal.IsInRole(EdgeKvRoles.Admin));
    }

    /// <summary>True when this caller may reach a resource owned by <paramref name="ownerUserId"/>.</summary>
    public bool CanReach(string ownerUserId) => IsAdmin || string.Equals(UserId, ownerUserId, StringComparison.Ordinal);

    /// <summary>Throws <see cref="DomainErrors.AdminOnly"/> unless the caller is an admin.</summary>
    public void RequireAdmin()
    {
        if (!IsAdmin)
        {
            throw DomainErrors.AdminOnly.ToException();
        }
    }
}
