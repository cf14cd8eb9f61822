using Microsoft.Extensions.Primitives;

namespace EdgeKv.Functions.Runtime;

/// <summary>
/// A request forwarded to a project's process: the routed file and params, the HTTP request as the function sees it,
/// and the project's environment variables as they are now (its <c>env</c>). The headers are the request's own
/// collection, read once while the frame is written (no copy).
/// </summary>
internal sealed record FunctionRequest(
    string File,
    IReadOnlyDictionary<string, object> Params,
    string Method,
    string Url,
    IEnumerable<KeyValuePair<string, StringValues>> Headers,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Environment);
