namespace EdgeKv.Api.RateLimiting;

/// <summary>
/// The programmatic APIs' rate limit, bound from <c>EdgeKv:RateLimits</c> (the console's own limits live in the same
/// section). Validated at start-up.
/// </summary>
public sealed class KvApiRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "EdgeKv:RateLimits";

    /// <summary>
    /// Requests per access token (<c>EdgeKv:RateLimits:AccessToken</c>) over the HTTP API, SSE watch, KV Connect and
    /// the watch hub together; requests without a token count per client address. Default 1000 per second: well above
    /// what one program's sequential durable writes reach, a bound on a runaway loop.
    /// </summary>
    public FixedWindowLimit AccessToken { get; set; } = new() { PermitLimit = 1000, Window = TimeSpan.FromSeconds(1) };
}
