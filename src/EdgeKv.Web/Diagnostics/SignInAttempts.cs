using Microsoft.AspNetCore.Identity;

namespace EdgeKv.Web.Diagnostics;

/// <summary>
/// Counts (<see cref="ConsoleMetrics"/>) and logs (<see cref="ConsoleLog"/>) sign-in outcomes in one place: the sign-in
/// manager reports every password check of a known user, the sign-in page an unknown name (which it answers alike
/// without a password check). A user appears by id only; the typed name never (people type passwords into it).
/// </summary>
internal sealed class SignInAttempts(ILoggerFactory loggerFactory)
{
    private readonly ILogger _log = loggerFactory.CreateLogger("EdgeKv.Web.SignIn");

    public void Record(SignInResult result, string userId, string? remoteAddress)
    {
        if (result.Succeeded)
        {
            ConsoleLog.SignedIn(_log, userId, remoteAddress);
            return;
        }

        if (result.RequiresTwoFactor)
        {
            return;
        }

        Failed(result.IsLockedOut ? "locked_out" : result.IsNotAllowed ? "not_allowed" : "invalid_credentials", userId, remoteAddress);
    }

    public void UnknownUser(string? remoteAddress) => Failed("unknown_user", "(none)", remoteAddress);

    private void Failed(string reason, string userId, string? remoteAddress)
    {
        ConsoleMetrics.SignInFailed(reason);
        ConsoleLog.SignInFailed(_log, reason, remoteAddress, userId);
    }
}
