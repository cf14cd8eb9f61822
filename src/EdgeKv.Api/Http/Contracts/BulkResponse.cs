namespace EdgeKv.Api.Http.Contracts;

/// <summary>The answer of a bulk write or delete: every item was applied in one commit.</summary>
/// <param name="Count">How many items were applied.</param>
/// <param name="Versionstamp">The commit's versionstamp (null for an empty request, which commits nothing).</param>
internal sealed record BulkResponse(int Count, string? Versionstamp);
