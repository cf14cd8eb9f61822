using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Http;

/// <summary>
/// Gives the refusals routing makes by itself — 415 for a body type an endpoint does not take, 405 for a method a
/// route does not answer — the HTTP API's one error shape, <c>{"error":{"code","message"}}</c>; they would otherwise
/// reach programs with an empty body.
/// </summary>
public static class KvHttpBareRefusals
{
    /// <summary>Adds the middleware for requests under <paramref name="routePrefix"/> (the HTTP API's).</summary>
    public static IApplicationBuilder UseKvHttpBareRefusals(this IApplicationBuilder app, string routePrefix = "/api/v1/namespaces")
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.HasStarted || !context.Request.Path.StartsWithSegments(routePrefix) || context.Response.ContentType is not null)
            {
                return;
            }

            var (code, message) = context.Response.StatusCode switch
            {
                StatusCodes.Status415UnsupportedMediaType => (KvHttpErrorCodes.UnsupportedMediaType, KvHttpErrors.UnsupportedMediaType),
                StatusCodes.Status405MethodNotAllowed => (KvHttpErrorCodes.MethodNotAllowed, KvHttpErrors.MethodNotAllowed),
                _ => (null, null),
            };
            if (code is not null)
            {
                await KvHttpError.Result(context.Response.StatusCode, code, message!).ExecuteAsync(context);
            }
        });
    }
}
