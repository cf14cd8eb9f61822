namespace EdgeKv.Api.Http.Contracts;

/// <summary>The answer of a write: the commit's versionstamp (also in the ETag header).</summary>
/// <param name="Key">The key written or deleted.</param>
/// <param name="Versionstamp">The commit's versionstamp, 20 hex characters.</param>
internal sealed record WriteResponse(string Key, string Versionstamp);
