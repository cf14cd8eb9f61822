namespace EdgeKv.Core.Store;

/// <summary>
/// Options of a list. <see cref="BatchSize"/> defaults to min(limit, 500) with a limit and to 100 without one, and
/// may not exceed 1000; each batch is one snapshot. <see cref="Cursor"/> resumes after the last key a previous
/// list returned (it stays valid across restarts: it names a key, not a position).
/// </summary>
public sealed record KvListOptions
{
    /// <summary>Most entries to return in all; null for no limit.</summary>
    public int? Limit { get; init; }

    /// <summary>Descending key order.</summary>
    public bool Reverse { get; init; }

    /// <summary>Entries read per snapshot; see the type's remarks for the default.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Resume after the entry this cursor names (from <see cref="KvListPage.Cursor"/>).</summary>
    public string? Cursor { get; init; }

    /// <summary>Read consistency.</summary>
    public KvConsistency Consistency { get; init; } = KvConsistency.Strong;
}
