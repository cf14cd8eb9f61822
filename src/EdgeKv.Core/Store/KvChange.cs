using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Store;

/// <summary>
/// One entry of a store's change feed: a commit (or an expiry sweep) and the keys it changed, in commit order.
/// Readers fetch the keys' new state themselves; the feed carries no values, so it stays small under large writes.
/// </summary>
public sealed record KvChange(Versionstamp Versionstamp, IReadOnlyList<KvKey> Keys);
