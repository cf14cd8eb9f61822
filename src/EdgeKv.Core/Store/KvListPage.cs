namespace EdgeKv.Core.Store;

/// <summary>
/// One batch of a list, read in one snapshot. <see cref="Cursor"/> names the last entry returned and resumes the
/// list after it; it is empty when the page is empty. <see cref="Complete"/> is true when no entry follows.
/// </summary>
public sealed record KvListPage(IReadOnlyList<KvEntry> Entries, string Cursor, bool Complete);
