using EdgeKv.Api.RateLimiting;
using Microsoft.Extensions.Options;

namespace EdgeKv.Web.RateLimiting;

/// <summary>Registration posts per client address (<see cref="ConsoleRateLimitOptions.Registration"/>).</summary>
internal sealed class RegistrationRateLimitPolicy(IOptions<ConsoleRateLimitOptions> options) : FormPostRateLimitPolicy(options)
{
    /// <summary>The policy's name, as the registration page requires it.</summary>
    public const string Name = "edgekv-registration";

    protected override string MessageKey => "Account.Error.TooManyRegistrations";

    protected override FixedWindowLimit LimitOf(ConsoleRateLimitOptions options) => options.Registration;
}
