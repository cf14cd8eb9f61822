namespace EdgeKv.Core;

/// <summary>A write was refused because it would take a group of stores past its byte budget. Nothing was written.</summary>
public sealed class KvQuotaExceededException : KvException
{
    /// <summary>Makes the error for a budget of <paramref name="limitBytes"/>.</summary>
    public KvQuotaExceededException(long limitBytes, long usedBytes, long requestedBytes)
        : base(KvErrorCode.QuotaExceeded, KvErrors.QuotaExceeded(limitBytes))
    {
        LimitBytes = limitBytes;
        UsedBytes = usedBytes;
        RequestedBytes = requestedBytes;
    }

    /// <summary>The budget's limit.</summary>
    public long LimitBytes { get; }

    /// <summary>Bytes in use when the write was refused.</summary>
    public long UsedBytes { get; }

    /// <summary>The growth the write would have caused.</summary>
    public long RequestedBytes { get; }
}
