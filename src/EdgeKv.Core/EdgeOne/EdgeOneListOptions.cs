namespace EdgeKv.Core.EdgeOne;

/// <summary>
/// Options of <see cref="EdgeOneKv.ListAsync"/>: keys starting with <see cref="Prefix"/> (string prefix: "a" matches
/// "abc"), at most <see cref="Limit"/> (1..256, default 256), starting at <see cref="Cursor"/> (the first key of the
/// page, as a previous result's cursor gave it).
/// </summary>
public sealed record EdgeOneListOptions(string? Prefix = null, int? Limit = null, string? Cursor = null);
