using EdgeKv.Web.Diagnostics;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// Logs and counts every refused request of the programmatic APIs (401, 403, 429 under <c>/api</c>, <c>/kv</c>,
/// <c>/hubs</c>) in one place, whichever API and check refused it. The path only: never the query (the SignalR
/// client sends its token there) nor any header.
/// </summary>
internal static class ApiRefusals
{
    private static readonly PathString[] ApiPaths = ["/api", "/kv", "/hubs"];

    public static IApplicationBuilder UseApiRefusalLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeKv.Api.Refusals");
        return app.Use(async (context, next) =>
        {
            await next(context);
            var status = context.Response.StatusCode;
            if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests
                && ApiPaths.Any(path => context.Request.Path.StartsWithSegments(path)))
            {
                ConsoleMetrics.ApiRefused(status);
                ConsoleLog.ApiRefused(logger, status, context.Connection.RemoteIpAddress?.ToString(), context.Request.Method, context.Request.Path);
            }
        });
    }
}
