using EdgeKv.Api.RateLimiting;

namespace EdgeKv.Web.RateLimiting;

/// <summary>
/// The console's rate limits per client address, bound from <c>EdgeKv:RateLimits</c> (beside the APIs' per-token limit,
/// <see cref="KvApiRateLimitOptions"/>) and validated at start-up. They replace account lockout: a stranger's failures
/// throttle the stranger's address, never the account they guess at.
/// </summary>
public sealed class ConsoleRateLimitOptions
{
    /// <summary>Sign-in form posts per address (<c>EdgeKv:RateLimits:SignIn</c>); default 10 a minute.</summary>
    public FixedWindowLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Registration form posts per address (<c>EdgeKv:RateLimits:Registration</c>); default 10 per 10 minutes.</summary>
    public FixedWindowLimit Registration { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };
}
