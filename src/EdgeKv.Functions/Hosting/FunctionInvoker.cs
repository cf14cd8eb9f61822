using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Functions.Hosting;

/// <summary>
/// Runs one request through the functions gateway in process, as if it had come to <c>/functions/{projectId}/{path}</c>:
/// the same routing, runtime, bindings and limits a visitor meets, without a socket (the console's test-invoke panel;
/// the console need not know its own address, nor be reachable from itself). Functions are public, so this checks no
/// caller: a page that offers it checks that its person may reach the project.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    /// <summary>The host name the function sees in <c>request.url</c> of a test invocation.</summary>
    public const string TestHost = "127.0.0.1";

    /// <summary>
    /// Invokes the project's active deployment with <paramref name="method"/> on <paramref name="path"/> (with its query,
    /// e.g. <c>/hello?x=1</c>), <paramref name="headers"/> and <paramref name="body"/>.
    /// </summary>
    public async Task<FunctionInvocation> InvokeAsync(
        int projectId, string method, string path, IEnumerable<KeyValuePair<string, string>> headers, byte[]? body, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (pathOnly, query) = SplitQuery(path);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        var request = context.Request;
        request.Method = method;
        request.Scheme = "http";
        request.Host = new HostString(TestHost);
        request.Path = FunctionsEndpointRouteBuilderExtensions.RoutePrefix + "/" + projectId + pathOnly;
        request.QueryString = new QueryString(query);
        foreach (var (name, value) in headers)
        {
            request.Headers.Append(name, value);
        }

        request.Body = new MemoryStream(body ?? []);
        request.ContentLength = body?.Length ?? 0;
        using var responseBody = new MemoryStream();
        context.Response.Body = responseBody;

        var clock = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<FunctionGateway>().ServeAsync(context, projectId, pathOnly.TrimStart('/') is { Length: > 0 } routed ? routed : null);
        clock.Stop();

        var responseHeaders = context.Response.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? ""))).ToList();
        return new FunctionInvocation(context.Response.StatusCode, responseHeaders, responseBody.ToArray(), clock.Elapsed.TotalMilliseconds);
    }

    // "/a/b?x=1" → ("/a/b", "?x=1"); a path without a leading '/' gets one.
    private static (string Path, string Query) SplitQuery(string path)
    {
        var at = path.IndexOf('?', StringComparison.Ordinal);
        var pathOnly = at < 0 ? path : path[..at];
        var query = at < 0 ? "" : path[at..];
        return (pathOnly.StartsWith('/') ? pathOnly : "/" + pathOnly, query is "?" ? "" : query);
    }
}
