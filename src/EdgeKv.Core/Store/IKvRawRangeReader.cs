namespace EdgeKv.Core.Store;

/// <summary>
/// Part of every <see cref="IKvStore"/>: it reads ranges of raw encoded keys, as KV Connect's <c>snapshot_read</c> asks (Deno clients turn
/// <c>get</c>, <c>getMany</c> and <c>list</c> into such ranges). A separate interface because
/// only the wire protocol needs bounds that are not keys; the other reads of <see cref="IKvStore"/> take keys and selectors.
/// </summary>
public interface IKvRawRangeReader
{
    /// <summary>
    /// The live entries of each range, all read in one snapshot, one list per range in request order. At most
    /// <see cref="KvLimits.MaxReadRanges"/> ranges (<see cref="KvErrors.TooManyRanges"/>); bounds at most
    /// <see cref="KvLimits.MaxReadKeyBytes"/> (<see cref="KvErrors.KeyTooLargeForRead"/>); each limit 1 to
    /// <see cref="KvLimits.MaxListBatchSize"/> (<see cref="KvErrors.InvalidLimit"/>, <see cref="KvErrors.InvalidBatchSize"/>).
    /// A range whose start is not below its end is empty.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<KvEntry>>> ReadRawRangesAsync(
        IReadOnlyList<KvRawRange> ranges, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default);
}
