using Microsoft.AspNetCore.Http;

namespace EdgeKv.Api.Http;

/// <summary>
/// A request the HTTP API refuses before changing anything, with the status, code and message of its JSON error.
/// Thrown from validation deep in a handler and answered by <see cref="KvHttpErrorFilter"/>.
/// </summary>
internal sealed class KvHttpRequestException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    /// <summary>A 400 the caller can fix.</summary>
    public static KvHttpRequestException BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, KvHttpErrorCodes.InvalidRequest, message);
}
