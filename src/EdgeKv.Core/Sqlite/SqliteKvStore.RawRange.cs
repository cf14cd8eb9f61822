using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore : IKvRawRangeReader
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IReadOnlyList<KvEntry>>> ReadRawRangesAsync(
        IReadOnlyList<KvRawRange> ranges, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default)
    {
        ValidateRawRanges(ranges);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read((ranges, now: NowMs()), static (connection, state) =>
        {
            var results = new IReadOnlyList<KvEntry>[state.ranges.Count];
            connection.BeginSnapshot();
            for (var i = 0; i < results.Length; i++)
            {
                var range = state.ranges[i];
                results[i] = range.Start.Span.SequenceCompareTo(range.End.Span) < 0
                    ? connection.Range(range.Start.ToArray(), range.End.ToArray(), range.Reverse, range.Limit, state.now)
                    : [];
            }

            connection.EndSnapshot();
            return (IReadOnlyList<IReadOnlyList<KvEntry>>)results;
        }));
    }

    private static void ValidateRawRanges(IReadOnlyList<KvRawRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count > KvLimits.MaxReadRanges)
        {
            throw new KvException(KvErrors.TooManyRanges);
        }

        foreach (var range in ranges)
        {
            if (range.Start.Length > KvLimits.MaxReadKeyBytes || range.End.Length > KvLimits.MaxReadKeyBytes)
            {
                throw new KvException(KvErrors.KeyTooLargeForRead);
            }

            if (range.Limit < 1)
            {
                throw new KvException(KvErrors.InvalidLimit);
            }

            if (range.Limit > KvLimits.MaxListBatchSize)
            {
                throw new KvException(KvErrors.InvalidBatchSize);
            }
        }
    }
}
