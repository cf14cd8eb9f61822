using EdgeKv.Core.Store;

namespace EdgeKv.Api.Http;

/// <summary>
/// A read's <c>?consistency=</c>: <c>strong</c> (the default: every acknowledged write) or <c>eventual</c> (the node's
/// read replica may answer while it is within its lag bound; the primary otherwise). Any other value is refused with
/// <see cref="KvHttpErrors.InvalidConsistency"/> (400 <c>invalid_request</c>).
/// </summary>
internal static class ReadConsistency
{
    public static KvConsistency Parse(string? consistency) => consistency switch
    {
        null or "strong" => KvConsistency.Strong,
        "eventual" => KvConsistency.Eventual,
        _ => throw KvHttpRequestException.BadRequest(KvHttpErrors.InvalidConsistency),
    };
}
