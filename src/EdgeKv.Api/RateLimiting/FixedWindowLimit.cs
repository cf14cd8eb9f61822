namespace EdgeKv.Api.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/>, for one partition (one token, one address).</summary>
public sealed class FixedWindowLimit
{
    /// <summary>Requests allowed in one window (at least 1).</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window's length (more than zero), e.g. <c>00:01:00</c> in configuration.</summary>
    public TimeSpan Window { get; set; }

    /// <summary>Whether both values are usable.</summary>
    public bool IsValid => PermitLimit >= 1 && Window > TimeSpan.Zero;
}
