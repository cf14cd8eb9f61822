using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Sqlite;

/// <summary>What the writer knows of a stored row before changing it: its size (key + value bytes), encoding, version, expiry.</summary>
internal readonly record struct RowState(long Size, KvValueEncoding Encoding, ulong Version, long? ExpiresAtMs)
{
    /// <summary>True when the row is not expired at <paramref name="nowMs"/> (so it exists for reads and checks).</summary>
    public bool IsLive(long nowMs) => KvExpiry.IsLive(ExpiresAtMs, nowMs);
}
