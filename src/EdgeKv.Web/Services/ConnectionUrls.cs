namespace EdgeKv.Web.Services;

/// <summary>
/// The URLs programs use for a namespace. The HTTP API is on the address the browser used; KV Connect is on the
/// HTTP/2-only listener when the host has one (plain http, docs/adr/0003), else on the same address (behind TLS).
/// </summary>
/// <param name="consoleBaseUri">The console's base URI as the browser sees it, e.g. <c>http://127.0.0.1:5080/</c>.</param>
/// <param name="kvConnectBaseUrl">The HTTP/2-only listener, e.g. <c>http://127.0.0.1:5081</c>, or null.</param>
public sealed class ConnectionUrls(string consoleBaseUri, string? kvConnectBaseUrl)
{
    private readonly string _console = consoleBaseUri.TrimEnd('/');

    /// <summary>The HTTP API's base URL of a namespace (append <c>/values/{key}</c>, <c>/keys</c>, …).</summary>
    public string HttpApi(string storeId) => $"{_console}/api/v1/namespaces/{storeId}";

    /// <summary>What <c>Deno.openKv</c> takes for a namespace.</summary>
    public string KvConnect(string storeId) => $"{kvConnectBaseUrl?.TrimEnd('/') ?? _console}/kv/connect/{storeId}";
}
