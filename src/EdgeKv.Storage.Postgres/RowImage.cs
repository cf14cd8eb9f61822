using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Values;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// What a group commit knows of a stored row: its size (key + value bytes), encoding, version and expiry, and its
/// bytes where they may be needed (a KvU64 for sum/min/max, or a value this group wrote).
/// </summary>
internal sealed record RowImage(long Size, KvValueEncoding Encoding, ulong Version, long? ExpiresAtMs, byte[]? Data)
{
    /// <summary>True when the row is not expired at <paramref name="nowMs"/> (so it exists for reads and checks).</summary>
    public bool IsLive(long nowMs) => KvExpiry.IsLive(ExpiresAtMs, nowMs);
}
