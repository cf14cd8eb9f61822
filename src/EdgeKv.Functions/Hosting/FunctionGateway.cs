using EdgeKv.Domain.Deployments;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Functions.Routing;
using EdgeKv.Functions.Runtime;
using Microsoft.AspNetCore.Http;
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
/// </summary>
internal static class FunctionGateway
{
    // Hop-by-hop and framing headers are the server's own to set.
    private static readonly HashSet<string> s_skippedResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "connection", "content-length", "keep-alive", "transfer-encoding", "upgrade",
    };

    public static async Task HandleAsync(HttpContext context, int projectId, string? path)
    {
        var services = context.RequestServices;
        var deployments = services.GetRequiredService<DeploymentService>();
        var aborted = context.RequestAborted;
        var target = await services.GetRequiredService<FunctionTargetCache>().GetAsync(projectId, services, aborted);
        if (target.DeploymentId is not { } deploymentId)
        {
            await WriteTextAsync(context, StatusCodes.Status404NotFound, FunctionLimits.NotFound);
            return;
        }

        var deployment = new Lazy<Task<ActiveDeployment?>>(() => deployments.LoadAsync(projectId, deploymentId, aborted));
        var routes = await services.GetRequiredService<FunctionRouteCache>().ForAsync(deploymentId, () => deployment.Value);
        var route = routes.Match("/" + (path ?? ""));
        if (route is null)
        {
            await WriteTextAsync(context, StatusCodes.Status404NotFound, FunctionLimits.NotFound);
            return;
        }

        var manager = services.GetRequiredService<ProjectRuntimeManager>();
        var settings = services.GetRequiredService<RuntimeSettings>();
        var logs = services.GetRequiredService<ProjectLogBook>();
        var logPath = "/" + (path ?? "");
        if (!manager.TryEnter(projectId))
        {
            var busy = FunctionLimits.TooManyConcurrentRequests(settings.MaxConcurrentRequests);
            logs.Write(projectId, ProjectLogLevel.Warning, HostLogLines.TooManyConcurrentRequests(settings.MaxConcurrentRequests), logPath);
            context.Response.Headers.RetryAfter = "1";
            await WriteTextAsync(context, StatusCodes.Status503ServiceUnavailable, busy);
            return;
        }

        try
        {
            await InvokeAsync(context, projectId, deploymentId, target, route, path, () => deployment.Value, manager, settings, logs);
        }
        finally
        {
            manager.Exit(projectId);
        }
    }

    private static async Task InvokeAsync(
        HttpContext context,
        int projectId,
        int deploymentId,
        FunctionTarget target,
        FunctionRouteMatch route,
        string? path,
        Func<Task<ActiveDeployment?>> loadAsync,
        ProjectRuntimeManager manager,
        RuntimeSettings settings,
        ProjectLogBook logs)
    {
        var services = context.RequestServices;
        var aborted = context.RequestAborted;
        var logPath = "/" + (path ?? "");
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            logs.Write(projectId, ProjectLogLevel.Warning, HostLogLines.BodyTooLarge, logPath);
            await WriteTextAsync(context, StatusCodes.Status413PayloadTooLarge, FunctionLimits.BodyTooLarge);
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        limit.CancelAfter(settings.WallTime);
        ProjectRuntime? runtime = null;
        try
        {
            runtime = await manager.GetAsync(projectId, deploymentId, target.Bindings, _ => loadAsync(), limit.Token);
            var response = await runtime.InvokeAsync(ToFunctionRequest(context, route, path, body, target.Environment), limit.Token);
            if (response.TooLarge)
            {
                logs.Write(projectId, ProjectLogLevel.Warning, HostLogLines.ResponseTooLarge, logPath);
                await WriteTextAsync(context, StatusCodes.Status502BadGateway, FunctionLimits.ResponseTooLarge);
                return;
            }

            await WriteAsync(context, response);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            if (runtime is not null)
            {
                manager.Stop(runtime);
            }

            var message = FunctionLimits.WallTimeExceeded(settings.WallTime);
            logs.Write(projectId, ProjectLogLevel.Warning, HostLogLines.WallTimeExceeded(settings.WallTime), logPath);
            await WriteTextAsync(context, StatusCodes.Status504GatewayTimeout, message);
        }
        catch (RuntimeStartException exception)
        {
            await WriteTextAsync(context, StatusCodes.Status502BadGateway, exception.Message);
        }
    }

    private static FunctionRequest ToFunctionRequest(
        HttpContext context, FunctionRouteMatch route, string? path, byte[] body, IReadOnlyDictionary<string, string> environment)
    {
        var request = context.Request;
        var url = $"{request.Scheme}://{request.Host}/{path}{request.QueryString}";
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? ""))).ToList();
        return new FunctionRequest(route.File, route.Params, request.Method, url, headers, body.Length == 0 ? null : body, environment);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > FunctionLimits.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > FunctionLimits.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, FunctionResponse response)
    {
        if (response.NoHandler)
        {
            await WriteTextAsync(context, StatusCodes.Status405MethodNotAllowed, FunctionLimits.MethodNotAllowed);
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers.Where(h => !s_skippedResponseHeaders.Contains(h.Key)))
        {
            context.Response.Headers.Append(name, value);
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
}
