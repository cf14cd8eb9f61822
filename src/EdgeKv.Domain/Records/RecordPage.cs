namespace EdgeKv.Domain.Records;

/// <summary>A page of records.</summary>
/// <param name="Records">The records, in key order.</param>
/// <param name="Cursor">Pass back in <see cref="RecordQuery.Cursor"/> for the next page; null when <paramref name="Complete"/>.</param>
/// <param name="Complete">True when no record follows.</param>
public sealed record RecordPage(IReadOnlyList<KvRecord> Records, string? Cursor, bool Complete);
