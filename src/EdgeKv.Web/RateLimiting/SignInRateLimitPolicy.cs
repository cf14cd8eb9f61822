using EdgeKv.Api.RateLimiting;
using Microsoft.Extensions.Options;

namespace EdgeKv.Web.RateLimiting;

/// <summary>Sign-in posts per client address (<see cref="ConsoleRateLimitOptions.SignIn"/>).</summary>
internal sealed class SignInRateLimitPolicy(IOptions<ConsoleRateLimitOptions> options) : FormPostRateLimitPolicy(options)
{
    /// <summary>The policy's name, as the sign-in page requires it.</summary>
    public const string Name = "edgekv-sign-in";

    protected override string MessageKey => "Account.Error.TooManySignIns";

    protected override FixedWindowLimit LimitOf(ConsoleRateLimitOptions options) => options.SignIn;
}
