using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Store;

/// <summary>
/// An atomic check: the commit proceeds only if <see cref="Key"/>'s current versionstamp equals
/// <see cref="Versionstamp"/>; null means the key must not exist (an expired key does not exist).
/// </summary>
public sealed record KvCheck(KvKey Key, Versionstamp? Versionstamp);
