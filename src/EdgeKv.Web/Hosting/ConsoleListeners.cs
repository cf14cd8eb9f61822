using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// The host's plain-http listeners, as configured under <c>Kestrel:Endpoints</c>: <c>Console</c> (HTTP/1.1 and
/// HTTP/2: browsers, the HTTP API, the Node client), <c>KvConnect</c> (HTTP/2 only, for Deno, see
/// docs/adr/0003-http2-endpoint-for-deno.md) and <c>Functions</c> (the projects' functions and nothing else, see
/// docs/adr/0009-*). Kept so pages can show the URLs programs use and tests can find the
/// ports they bound (port 0 picks a free one, known only after start).
/// </summary>
public sealed class ConsoleListeners
{
    /// <summary>The name of the console's endpoint under <c>Kestrel:Endpoints</c>.</summary>
    public const string ConsoleEndpoint = "Console";

    /// <summary>The name of the HTTP/2-only endpoint for Deno's KV Connect client under <c>Kestrel:Endpoints</c>.</summary>
    public const string KvConnectEndpoint = "KvConnect";

    /// <summary>The name of the functions' endpoint under <c>Kestrel:Endpoints</c>.</summary>
    public const string FunctionsEndpoint = "Functions";

    private ListenOptions? _console;
    private ListenOptions? _kvConnect;
    private ListenOptions? _functions;

    /// <summary>The console's bound address (e.g. <c>http://127.0.0.1:5080</c>), or null before start or when not configured.</summary>
    public string? ConsoleUrl => UrlOf(_console);

    /// <summary>The HTTP/2-only address Deno uses (e.g. <c>http://127.0.0.1:5081</c>), or null when not configured.</summary>
    public string? KvConnectUrl => UrlOf(_kvConnect);

    /// <summary>The functions listener's address (e.g. <c>http://127.0.0.1:5082</c>), or null when not configured.</summary>
    public string? FunctionsUrl => UrlOf(_functions);

    /// <summary>The functions listener's port, or null before start or when not configured.</summary>
    public int? FunctionsPort => _functions?.IPEndPoint is { Port: > 0 } endpoint ? endpoint.Port : null;

    /// <summary>True when <paramref name="context"/> arrived on the functions listener (its own port).</summary>
    public bool IsFunctionsRequest(HttpContext context) =>
        FunctionsPort is { } port && context.Connection.LocalPort == port;

    internal void Capture(string name, ListenOptions options)
    {
        if (name == ConsoleEndpoint)
        {
            _console = options;
        }
        else if (name == KvConnectEndpoint)
        {
            _kvConnect = options;
        }
        else if (name == FunctionsEndpoint)
        {
            _functions = options;
        }
    }

    private static string? UrlOf(ListenOptions? options) =>
        options?.IPEndPoint is { Port: > 0 } endpoint ? $"http://{endpoint}" : null;
}
