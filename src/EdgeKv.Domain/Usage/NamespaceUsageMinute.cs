namespace EdgeKv.Domain.Usage;

/// <summary>
/// One namespace's usage in one minute (UTC), written by <see cref="UsageRecorder"/> from the engine's in-memory
/// counters; a row exists only for minutes in which something was counted or the stored bytes changed. Kept for
/// <see cref="UsageRecorder.Retention"/>; deleted with its namespace.
/// </summary>
public class NamespaceUsageMinute
{
    /// <summary>The namespace (database id).</summary>
    public int NamespaceId { get; set; }

    /// <summary>The minute's start (UTC, whole minute).</summary>
    public DateTime Minute { get; set; }

    /// <summary>Keys read by get and get-many.</summary>
    public long Reads { get; set; }

    /// <summary>List pages read.</summary>
    public long Lists { get; set; }

    /// <summary>Set, sum, min and max mutations committed.</summary>
    public long Writes { get; set; }

    /// <summary>Delete mutations committed that removed a key.</summary>
    public long Deletes { get; set; }

    /// <summary>Bytes of keys and values written.</summary>
    public long BytesWritten { get; set; }

    /// <summary>The namespace's stored bytes as last sampled in this minute.</summary>
    public long StoredBytes { get; set; }
}
