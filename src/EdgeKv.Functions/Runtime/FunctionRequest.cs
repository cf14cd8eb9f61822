namespace EdgeKv.Functions.Runtime;

/// <summary>
/// A request forwarded to a project's process: the routed file and params, the HTTP request as the function sees it,
/// and the project's environment variables as they are now (its <c>env</c>).
/// </summary>
internal sealed record FunctionRequest(
    string File,
    IReadOnlyDictionary<string, object> Params,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    IReadOnlyDictionary<string, string> Environment);
