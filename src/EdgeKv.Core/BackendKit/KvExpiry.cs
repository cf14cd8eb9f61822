namespace EdgeKv.Core.BackendKit;

/// <summary>
/// When a stored row stops existing: from the instant of its expiry on (a row expiring at t is live strictly before
/// t), for reads, checks and sum/min/max alike, whether or not the sweep has removed it yet. The backends' read
/// statements say the same in SQL (<c>expires_at IS NULL OR expires_at &gt; now</c>); in code it is this one rule.
/// </summary>
internal static class KvExpiry
{
    /// <summary>True when a row expiring at <paramref name="expiresAtMs"/> (null: never) exists at <paramref name="nowMs"/>.</summary>
    public static bool IsLive(long? expiresAtMs, long nowMs) => expiresAtMs is not { } expiresAt || expiresAt > nowMs;
}
