namespace EdgeKv.Api.RateLimiting;

/// <summary>The one message of a request refused by the APIs' rate limit (429, with <c>Retry-After</c> in seconds).</summary>
public static class KvApiRateLimitErrors
{
    /// <summary>Too many requests with one access token (or, without a token, from one address) in the current window.</summary>
    public const string TooManyRequests = "Too many requests for this access token. Wait the number of seconds in the Retry-After header, then retry.";
}
