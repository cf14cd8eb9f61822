using EdgeKv.Api.RateLimiting;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EdgeKv.Web.RateLimiting;

/// <summary>
/// Limits the posts of one account form per client address in fixed windows; showing the form (GET) is never limited.
/// A refusal is 429 with <c>Retry-After</c> and one localized sentence naming the wait, as plain text: the static
/// form cannot render itself without running the handler the limit protects.
/// </summary>
internal abstract class FormPostRateLimitPolicy(IOptions<ConsoleRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    /// <summary>This form's limit.</summary>
    protected abstract FixedWindowLimit LimitOf(ConsoleRateLimitOptions options);

    /// <summary>The resource key of the refusal; one argument, the seconds to wait.</summary>
    protected abstract string MessageKey { get; }

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var limit = LimitOf(options.Value);
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)Math.Ceiling(LimitOf(options.Value).Window.TotalSeconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";

        // The request's culture is already set: UseRequestLocalization runs before UseRateLimiter.
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await context.Response.WriteAsync(localizer[MessageKey, seconds], cancellationToken);
    }
}
