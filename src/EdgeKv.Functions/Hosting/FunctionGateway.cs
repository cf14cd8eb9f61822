using System.Buffers;
using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Functions.Routing;
using EdgeKv.Functions.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Hosting;

/// <summary>
/// Serves <c>/functions/{projectId}/{path}</c>: finds the project's active deployment and bindings (kept by
/// <see cref="FunctionTargetCache"/>), routes the path
/// to a file, forwards the request to the project's process and writes its response back. The wall-time limit
/// bounds the whole (a start included): past it the process is killed and the caller gets 504 with
/// <see cref="FunctionLimits.WallTimeExceeded"/>; the next request starts a fresh process. A project answers at most
/// <see cref="FunctionsOptions.MaxConcurrentRequests"/> requests at once (one more: 503 at once); bodies both ways are
/// bounded. Every limit a request crosses is written to the project's log with its path.
/// The warm path (the process running, target and routes kept) touches no request scope, no database and no lock:
/// its costs were measured per request (bench/functions.sh, docs/adr/0009-*), and the scoped services are reached
/// only when something is not kept yet.
/// </summary>
internal sealed class FunctionGateway(
    FunctionTargetCache targets, FunctionRouteCache routes, ProjectRuntimeManager manager, RuntimeSettings settings, ProjectLogBook logs)
{
    // Hop-by-hop and framing headers are the server's own to set.
    private static readonly HashSet<string> s_skippedResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "connection", "content-length", "keep-alive", "transfer-encoding", "upgrade",
    };

    /// <summary>Serves <paramref name="context"/> with the gateway of its services (callers without one at hand).</summary>
    public static Task HandleAsync(HttpContext context, int projectId, string? path) =>
        context.RequestServices.GetRequiredService<FunctionGateway>().ServeAsync(context, projectId, path);

    /// <summary>Answers <paramref name="context"/> with the function <paramref name="path"/> of <paramref name="projectId"/> routes to.</summary>
    public async Task ServeAsync(HttpContext context, int projectId, string? path)
    {
        var aborted = context.RequestAborted;
        var target = targets.TryGet(projectId, out var kept) ? kept : await targets.GetAsync(projectId, context.RequestServices, aborted);
        if (target.DeploymentId is not { } deploymentId)
        {
            await WriteTextAsync(context, StatusCodes.Status404NotFound, FunctionLimits.NotFound);
            return;
        }

        DeploymentLoad? load = null;
        if (!routes.TryGet(deploymentId, out var table))
        {
            load = new DeploymentLoad(context, projectId, deploymentId);
            table = await routes.ForAsync(deploymentId, load.GetAsync);
        }

        var route = table.Match("/" + path);
        if (route is null)
        {
            await WriteTextAsync(context, StatusCodes.Status404NotFound, FunctionLimits.NotFound);
            return;
        }

        if (!manager.TryEnter(projectId))
        {
            var busy = FunctionLimits.TooManyConcurrentRequests(settings.MaxConcurrentRequests);
            logs.Write(projectId, ProjectLogLevel.Warning, HostLogLines.TooManyConcurrentRequests(settings.MaxConcurrentRequests), "/" + path);
            context.Response.Headers.RetryAfter = "1";
            await WriteTextAsync(context, StatusCodes.Status503ServiceUnavailable, busy);
            return;
        }

        try
        {
            await InvokeAsync(context, projectId, deploymentId, target, route, path, load);
        }
        finally
        {
            manager.Exit(projectId);
        }
    }

    private async Task InvokeAsync(
        HttpContext context, int projectId, int deploymentId, FunctionTarget target, FunctionRouteMatch route, string? path, DeploymentLoad? load)
    {
        var aborted = context.RequestAborted;
        var (tooLarge, body) = await ReadBodyAsync(context);
        if (tooLarge)
        {
            logs.Write(projectId, ProjectLogLevel.Warning, HostLogLines.BodyTooLarge, "/" + path);
            await WriteTextAsync(context, StatusCodes.Status413PayloadTooLarge, FunctionLimits.BodyTooLarge);
            return;
        }

        // The wall time bounds the whole, a start included. A warm request keeps its deadline with its wait (no timer
        // of its own: see ProjectRuntime.InvokeAsync); only a start, which awaits other things, gets a timed token.
        var deadline = Environment.TickCount64 + (long)settings.WallTime.TotalMilliseconds;
        ProjectRuntime? runtime = null;
        try
        {
            if (!manager.TryGetRunning(projectId, deploymentId, target.Bindings, out runtime))
            {
                load ??= new DeploymentLoad(context, projectId, deploymentId);
                runtime = await StartAsync(projectId, deploymentId, target, load, aborted);
            }

            var response = await runtime.InvokeAsync(ToFunctionRequest(context, route, path, body, target.Environment), deadline, aborted);
            if (response.TooLarge)
            {
                logs.Write(projectId, ProjectLogLevel.Warning, HostLogLines.ResponseTooLarge, "/" + path);
                await WriteTextAsync(context, StatusCodes.Status502BadGateway, FunctionLimits.ResponseTooLarge);
                return;
            }

            await WriteAsync(context, response);
        }
        catch (WallTimeExceededException)
        {
            if (runtime is not null)
            {
                manager.Stop(runtime);
            }

            var message = FunctionLimits.WallTimeExceeded(settings.WallTime);
            logs.Write(projectId, ProjectLogLevel.Warning, HostLogLines.WallTimeExceeded(settings.WallTime), "/" + path);
            await WriteTextAsync(context, StatusCodes.Status504GatewayTimeout, message);
        }
        catch (RuntimeStartException exception)
        {
            await WriteTextAsync(context, StatusCodes.Status502BadGateway, exception.Message);
        }
    }

    // The project's process, started within the wall time (a start past it is a WallTimeExceededException, as a
    // response past it is).
    private async Task<ProjectRuntime> StartAsync(int projectId, int deploymentId, FunctionTarget target, DeploymentLoad load, CancellationToken aborted)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        limit.CancelAfter(settings.WallTime);
        try
        {
            return await manager.GetAsync(projectId, deploymentId, target.Bindings, _ => load.GetAsync(), limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            throw new WallTimeExceededException();
        }
    }

    private static FunctionRequest ToFunctionRequest(
        HttpContext context, FunctionRouteMatch route, string? path, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> environment)
    {
        var request = context.Request;
        var url = $"{request.Scheme}://{request.Host}/{path}{request.QueryString}";
        return new FunctionRequest(route.File, route.Params, request.Method, url, request.Headers, body, environment);
    }

    // The body, or TooLarge past the limit. A request that cannot have one (a GET without Content-Length or chunks,
    // as the server tells) is not read at all.
    private static async Task<(bool TooLarge, ReadOnlyMemory<byte> Body)> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > FunctionLimits.MaxBodyBytes)
        {
            return (true, default);
        }

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false } || context.Request.ContentLength == 0)
        {
            return (false, default);
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > FunctionLimits.MaxBodyBytes)
                {
                    return (true, default);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return (false, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static async Task WriteAsync(HttpContext context, FunctionResponse response)
    {
        if (response.NoHandler)
        {
            await WriteTextAsync(context, StatusCodes.Status405MethodNotAllowed, FunctionLimits.MethodNotAllowed);
            return;
        }

        context.Response.StatusCode = response.Status;
        var headers = context.Response.Headers;
        foreach (var (name, value) in response.Headers)
        {
            if (!s_skippedResponseHeaders.Contains(name))
            {
                headers.Append(name, value);
            }
        }

        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task WriteTextAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }

    // The active deployment's files, read (with the request's scoped services) only when the routes or a process
    // start need them, and then once for both.
    private sealed class DeploymentLoad(HttpContext context, int projectId, int deploymentId)
    {
        private Task<ActiveDeployment?>? _load;

        public Task<ActiveDeployment?> GetAsync() => _load ??= context.RequestServices.GetRequiredService<DeploymentService>()
            .LoadAsync(projectId, deploymentId, context.RequestAborted);
    }
}
