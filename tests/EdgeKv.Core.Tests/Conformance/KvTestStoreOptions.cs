namespace EdgeKv.Core.Tests.Conformance;

/// <summary>What a conformance test may ask of a new store; each backend maps it onto its own options.</summary>
public sealed record KvTestStoreOptions
{
    /// <summary>The clock that decides expiry (null: the system's).</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>False for tests that sweep by hand on a hand-moved clock, so no background sweep races them.</summary>
    public bool RunsBackgroundSweeper { get; init; } = true;

    /// <summary>Bytes of deletions remembered (null: the backend's default), small to test forgetting.</summary>
    public long? KeptDeletionBytes { get; init; }

    /// <summary>Changes buffered per change-feed reader (null: the backend's default), small to test merging.</summary>
    public int? ChangeFeedBufferSize { get; init; }
}
