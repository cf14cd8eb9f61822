using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Store;

/// <summary>
/// What a read returns for a key: its value and versionstamp, or, for a miss, null for both (Deno's
/// <c>KvEntryMaybe</c>). <see cref="ExpiresAt"/> is set only for a key written with an expiry.
/// </summary>
public sealed record KvEntry(KvKey Key, KvValue? Value, Versionstamp? Versionstamp, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>True when the key exists (is stored and not expired).</summary>
    public bool Exists => Value is not null;

    /// <summary>The miss for <paramref name="key"/>.</summary>
    public static KvEntry Missing(KvKey key) => new(key, null, null);
}
