namespace EdgeKv.Core;

/// <summary>
/// Every limit of the engine, defined once. The Deno-compatible API keeps Deno KV's limits except the value size,
/// which is EdgeOne's 25 MiB instead of Deno's 64 KiB. Each has one message in <see cref="KvErrors"/>.
/// </summary>
public static class KvLimits
{
    /// <summary>Largest encoded key a write accepts (Deno KV: 2048 bytes).</summary>
    public const int MaxWriteKeyBytes = 2048;

    /// <summary>Largest encoded key a read accepts (Deno KV: 2049, one more so a list end may be just past a key).</summary>
    public const int MaxReadKeyBytes = 2049;

    /// <summary>Largest value: 25 MiB (EdgeOne Pages KV; Deno KV stops at 64 KiB).</summary>
    public const int MaxValueBytes = 25 * 1024 * 1024;

    /// <summary>Most keys in one <c>GetMany</c> or <c>Watch</c>.</summary>
    public const int MaxReadRanges = 10;

    /// <summary>Most keys one <c>Watch</c> follows.</summary>
    public const int MaxWatchedKeys = 10;

    /// <summary>Most checks in one atomic operation.</summary>
    public const int MaxChecks = 100;

    /// <summary>Most mutations in one atomic operation.</summary>
    public const int MaxMutations = 1000;

    /// <summary>Largest total of keys and values in one atomic operation: 32 MiB.</summary>
    public const int MaxTotalMutationBytes = 32 * 1024 * 1024;

    /// <summary>List batch size when no limit is given.</summary>
    public const int DefaultListBatchSize = 100;

    /// <summary>List batch size cap when none is given (the batch is min(limit, this)).</summary>
    public const int MaxDefaultListBatchSize = 500;

    /// <summary>Largest batch size a caller may ask for.</summary>
    public const int MaxListBatchSize = 1000;

    /// <summary>EdgeOne API: largest string key, in UTF-8 bytes.</summary>
    public const int MaxEdgeOneKeyBytes = 512;

    /// <summary>EdgeOne API: default and largest page of <c>list</c>.</summary>
    public const int MaxEdgeOneListLimit = 256;
}
