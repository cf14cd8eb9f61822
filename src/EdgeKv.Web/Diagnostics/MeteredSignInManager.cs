using EdgeKv.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EdgeKv.Web.Diagnostics;

/// <summary>
/// Identity's sign-in manager, counting and logging every failed password sign-in (<see cref="ConsoleMetrics"/>,
/// <see cref="ConsoleLog"/>) whichever page asks for it. Registered in place of the plain one by the host.
/// </summary>
internal sealed class MeteredSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    ILoggerFactory loggerFactory)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private readonly ILogger _log = loggerFactory.CreateLogger("EdgeKv.Web.SignIn");

    /// <summary>An unknown user name fails here without reaching the per-user check below.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is null)
        {
            Record(SignInResult.Failed, "(unknown)");
            return SignInResult.Failed;
        }

        return await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>Every password check of a known user (sign-in pages call it through PasswordSignInAsync).</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        Record(result, user.Id);
        return result;
    }

    private void Record(SignInResult result, string userId)
    {
        var remote = Context.Connection.RemoteIpAddress?.ToString();
        if (result.Succeeded)
        {
            ConsoleLog.SignedIn(_log, userId, remote);
            return;
        }

        if (result.RequiresTwoFactor)
        {
            return;
        }

        var reason = result.IsLockedOut ? "locked_out" : result.IsNotAllowed ? "not_allowed" : "invalid_credentials";
        ConsoleMetrics.SignInFailed(reason);
        ConsoleLog.SignInFailed(_log, reason, remote, userId);
    }
}
