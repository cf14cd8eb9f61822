namespace EdgeKv.Core.EdgeOne;

/// <summary>
/// A page of <see cref="EdgeOneKv.ListAsync"/>, shaped as EdgeOne's <c>ListResult</c>: <see cref="Complete"/> is true
/// when nothing follows; otherwise <see cref="Cursor"/> is the first key of the next page.
/// </summary>
public sealed record EdgeOneListResult(bool Complete, string? Cursor, IReadOnlyList<EdgeOneListKey> Keys);

/// <summary>One listed key.</summary>
public sealed record EdgeOneListKey(string Key);
