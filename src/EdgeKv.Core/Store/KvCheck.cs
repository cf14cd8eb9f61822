using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Store;

/// <summary>
/// An atomic check: the commit proceeds only if <see cref="Key"/>'s current versionstamp equals
/// <see cref="Versionstamp"/>; null means the key must not exist (an expired key does not exist).
/// </summary>
public sealed record KvCheck(KvKey Key, Versionstamp? Versionstamp)
{
    /// <summary>
    /// True when the check holds against the key's stored row: <paramref name="liveVersion"/> is the commit version
    /// of its row when one is stored and not expired, null otherwise. Every backend applies this one rule; each
    /// decides for itself whether a live row is stored.
    /// </summary>
    internal bool HoldsFor(ulong? liveVersion) =>
        (liveVersion is { } version ? Core.Versionstamp.FromCommitVersion(version) : null) == Versionstamp;
}
