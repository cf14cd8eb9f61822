using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Store;

/// <summary>
/// Which keys a list reads, as in Deno KV: <c>{prefix}</c>, <c>{prefix, start}</c>, <c>{prefix, end}</c> or
/// <c>{start, end}</c>. A prefix selects keys strictly under it (never the key equal to the prefix); start is
/// inclusive, end exclusive, both in ascending order even when listing in reverse. The store validates the shape
/// and throws <see cref="KvException"/> with Deno's messages.
/// </summary>
public sealed record KvListSelector(KvKey? Prefix = null, KvKey? Start = null, KvKey? End = null)
{
    /// <summary>Keys strictly under <paramref name="prefix"/>.</summary>
    public static KvListSelector WithPrefix(KvKey prefix) => new(Prefix: prefix);

    /// <summary>Keys in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static KvListSelector Range(KvKey start, KvKey end) => new(Start: start, End: end);
}
