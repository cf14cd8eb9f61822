using EdgeKv.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EdgeKv.Web.Diagnostics;

/// <summary>
/// Identity's sign-in manager, reporting every password check of a known user to <see cref="SignInAttempts"/>,
/// whichever page asks for it. Registered in place of the plain one by the host.
/// </summary>
internal sealed class MeteredSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    SignInAttempts attempts)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Every password check of a known user (the sign-in page's PasswordSignInAsync comes through here).</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        attempts.Record(result, user.Id, Context.Connection.RemoteIpAddress?.ToString());
        return result;
    }
}
