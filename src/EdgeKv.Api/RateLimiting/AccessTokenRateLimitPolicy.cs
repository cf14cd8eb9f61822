using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using EdgeKv.Api.Access;
using EdgeKv.Api.Http;
using EdgeKv.Api.KvConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EdgeKv.Api.RateLimiting;

/// <summary>
/// The rate limit of every programmatic endpoint: one fixed window per access token (the bearer header, or the
/// <c>access_token</c> query parameter of the SignalR client), counted before the token is checked so unknown tokens
/// are bounded too; requests without a token share a window per client address. A refusal is 429 with
/// <c>Retry-After</c> and <see cref="KvApiRateLimitErrors.TooManyRequests"/>, as the HTTP API's JSON error or, on
/// KV Connect, as plain text. Hosts enable it with <c>UseRateLimiter()</c>; without that middleware it is inert.
/// </summary>
internal sealed class AccessTokenRateLimitPolicy(IOptions<KvApiRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    /// <summary>The policy's name, as the endpoints require it.</summary>
    public const string Name = "edgekv-access-token";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limit = options.Value.AccessToken;
        return RateLimitPartition.GetFixedWindowLimiter(PartitionKeyOf(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// A hash of the token, so the limiter's table holds no secrets; the client address when there is no token.
    /// </summary>
    internal static string PartitionKeyOf(HttpContext context)
    {
        if (!BearerToken.TryRead(context, out var token))
        {
            return "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }

        return "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<KvConnectEndpointMetadata>() is not null)
        {
            await KvConnectHttp.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, KvApiRateLimitErrors.TooManyRequests);
            return;
        }

        await KvHttpError.Result(StatusCodes.Status429TooManyRequests, KvHttpErrorCodes.RateLimited, KvApiRateLimitErrors.TooManyRequests)
            .ExecuteAsync(context);
    }
}
