using System.Globalization;
using EdgeKv.Core;
using EdgeKv.Domain.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Hosting;

/// <summary>
/// The functions listener: every request that arrives on it is a function call and nothing else. It is a terminal
/// branch at the head of the pipeline, so no console page, API, hub, health or account endpoint can answer there, and
/// a function's response (code anyone may deploy) is never served from the console's origin, where it could read
/// the console with the signed-in user's cookie.
/// </summary>
public static class FunctionsListenerExtensions
{
    /// <summary>
    /// Serves requests for which <paramref name="isFunctionsListener"/> holds: by host (<c>p42.localhost</c>, see
    /// <see cref="FunctionsHostNames"/>) with the whole path the function's, else by the path prefix
    /// <c>/functions/42/…</c> for tools that cannot set a host; anything else is 404.
    /// </summary>
    public static IApplicationBuilder UseEdgeKvFunctionsListener(this IApplicationBuilder app, Func<HttpContext, bool> isFunctionsListener)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(isFunctionsListener);
        var gateway = app.ApplicationServices.GetRequiredService<FunctionGateway>();
        return app.MapWhen(isFunctionsListener, functions => functions.Run(context => ServeOrRefuseAsync(gateway, context)));
    }

    // A project not kept yet is looked up in the admin database: while that (or the engine's) server is down, the
    // caller gets the engine's message with 503 and Retry-After, as the HTTP API's clients do, not the host's 500.
    private static async Task ServeOrRefuseAsync(FunctionGateway gateway, HttpContext context)
    {
        try
        {
            await ServeAsync(gateway, context);
        }
        catch (Exception exception) when (StorageUnavailability.IsUnavailable(exception) && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.Headers.RetryAfter = StorageUnavailability.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(KvErrors.StorageUnavailable, context.RequestAborted);
        }
    }

    private static Task ServeAsync(FunctionGateway gateway, HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (FunctionsHostNames.ProjectOf(context.Request.Host) is { } projectId)
        {
            return gateway.ServeAsync(context, projectId, EmptyAsNull(path.TrimStart('/')));
        }

        if (ByPrefix(path) is ({ } prefixed, var rest))
        {
            return gateway.ServeAsync(context, prefixed, rest);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(FunctionLimits.NotFound, context.RequestAborted);
    }

    // "/functions/42" or "/functions/42/rest…" → (42, "rest…"); the id as the route constraint {projectId:int} reads it.
    private static (int? ProjectId, string? Path) ByPrefix(string path)
    {
        var prefix = FunctionsEndpointRouteBuilderExtensions.RoutePrefix + "/";
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var tail = path[prefix.Length..];
        var slash = tail.IndexOf('/', StringComparison.Ordinal);
        var idText = slash < 0 ? tail : tail[..slash];
        return int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (id, slash < 0 ? null : EmptyAsNull(tail[(slash + 1)..]))
            : (null, null);
    }

    private static string? EmptyAsNull(string path) => path.Length == 0 ? null : path;
}
