namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>
/// A write that did not succeed, as its client saw it: an HTTP answer (status, the error's code and message, or the raw
/// body when it is not the API's JSON error, its content type and Retry-After) or no answer (the exception: refused
/// connection, reset, timeout).
/// </summary>
internal sealed record WriteFailure(
    string Node, TimeSpan At, int? Status, string? Code, string? Message, string? Body, string? Exception, string? ContentType = null, TimeSpan? RetryAfter = null)
{
    public override string ToString() => Status is { } status
        ? $"{Node} at {At.TotalSeconds:F1} s: {status} {ContentType} {Code} \"{Message ?? Body}\" (Retry-After {RetryAfter?.TotalSeconds})"
        : $"{Node} at {At.TotalSeconds:F1} s: no answer ({Exception})";
}
