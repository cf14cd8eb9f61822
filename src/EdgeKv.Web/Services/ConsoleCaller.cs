using EdgeKv.Domain.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace EdgeKv.Web.Services;

/// <summary>
/// The domain <see cref="Caller"/> of the signed-in user of this circuit (or request). Every page passes it to the
/// domain services, which decide what the user may reach; the pages' own checks are only for what to show.
/// </summary>
public sealed class ConsoleCaller(AuthenticationStateProvider authentication)
{
    /// <summary>The caller; throws the domain's "not signed in" error for an anonymous user.</summary>
    public async Task<Caller> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Caller.FromPrincipal(state.User);
    }
}
