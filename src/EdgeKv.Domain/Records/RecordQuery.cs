using EdgeKv.Core;

namespace EdgeKv.Domain.Records;

/// <summary>One page of a namespace's records, in key order (as EdgeOne's <c>list</c>).</summary>
/// <param name="Prefix">Only string keys starting with this text; null or empty lists every record.</param>
/// <param name="Cursor">The <see cref="RecordPage.Cursor"/> of the previous page with the same prefix; null for the first.</param>
/// <param name="Limit">Records per page, 1..<see cref="KvLimits.MaxEdgeOneListLimit"/> (256, the default).</param>
/// <param name="Skip">
/// Without a cursor: positions of the list to pass over before the page (the console's page N starts at
/// (N − 1) × page size); counted in <see cref="RecordCount.Positions"/>, found by the engine without reading values.
/// </param>
public sealed record RecordQuery(string? Prefix = null, string? Cursor = null, int Limit = KvLimits.MaxEdgeOneListLimit, long Skip = 0);
