using System.Net;

namespace EdgeKv.Client;

/// <summary>
/// An error answer of the HTTP API: its HTTP status, its stable <see cref="Code"/> (e.g. <c>conflict</c>,
/// <c>too_large</c>, <c>read_only</c>) and its message (the server's exact text, in <see cref="Exception.Message"/>).
/// </summary>
public sealed class EdgeKvException(HttpStatusCode statusCode, string code, string message) : Exception(message)
{
    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The error code of the answer's JSON body.</summary>
    public string Code { get; } = code;
}
