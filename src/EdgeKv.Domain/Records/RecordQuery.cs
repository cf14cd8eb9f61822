using EdgeKv.Core;

namespace EdgeKv.Domain.Records;

/// <summary>One page of a namespace's records, in key order (as EdgeOne's <c>list</c>).</summary>
/// <param name="Prefix">Only string keys starting with this text; null or empty lists every record.</param>
/// <param name="Cursor">The <see cref="RecordPage.Cursor"/> of the previous page with the same prefix; null for the first.</param>
/// <param name="Limit">Records per page, 1..<see cref="KvLimits.MaxEdgeOneListLimit"/> (256, the default).</param>
public sealed record RecordQuery(string? Prefix = null, string? Cursor = null, int Limit = KvLimits.MaxEdgeOneListLimit);
