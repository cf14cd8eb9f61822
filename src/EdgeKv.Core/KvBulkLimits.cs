namespace EdgeKv.Core;

/// <summary>
/// The limit of bulk commits (<see cref="Store.IKvBulkWriter"/>) and its one message. A separate file so the bulk
/// path could be added without editing <see cref="KvLimits"/> and <see cref="KvErrors"/>; fold it into them when
/// convenient. Every other limit of a commit is <see cref="KvLimits"/>'s.
/// </summary>
public static class KvBulkLimits
{
    /// <summary>Most mutations in one bulk commit: 10,000 keys, each with one companion mutation.</summary>
    public const int MaxMutations = 20_000;

    /// <summary>More than <see cref="MaxMutations"/> mutations in one bulk commit.</summary>
    public const string TooManyMutations = "Too many mutations (max 20000)";
}
