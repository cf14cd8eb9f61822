using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IReadOnlyList<KvEntry>>> ReadRawRangesAsync(
        IReadOnlyList<KvRawRange> ranges, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default)
    {
        ValidateRawRanges(ranges);
        cancellationToken.ThrowIfCancellationRequested();
        CountRawRanges(ranges);
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

    /// <summary>
    /// Counts raw ranges as usage the way their clients mean them: Deno's <c>get</c> asks for the one-key range
    /// [key, key + 0x00) with limit 1, a read; any other range is a list page.
    /// </summary>
    private void CountRawRanges(IReadOnlyList<KvRawRange> ranges)
    {
        var reads = 0;
        foreach (var range in ranges)
        {
            if (IsOneKey(range))
            {
                reads++;
            }
            else
            {
                _usage.Listed();
            }
        }

        if (reads > 0)
        {
            _usage.Read(reads);
        }
    }

    private static bool IsOneKey(KvRawRange range) =>
        range.Limit == 1
        && range.End.Length == range.Start.Length + 1
        && range.End.Span[^1] == 0
        && range.End.Span[..^1].SequenceEqual(range.Start.Span);

    private static void ValidateRawRanges(IReadOnlyList<KvRawRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count > KvLimits.MaxReadRanges)
        {
            throw new KvException(KvErrorCode.TooManyRanges);
        }

        foreach (var range in ranges)
        {
            if (range.Start.Length > KvLimits.MaxReadKeyBytes || range.End.Length > KvLimits.MaxReadKeyBytes)
            {
                throw new KvException(KvErrorCode.KeyTooLargeForRead);
            }

            if (range.Limit < 1)
            {
                throw new KvException(KvErrorCode.InvalidLimit);
            }

            if (range.Limit > KvLimits.MaxListBatchSize)
            {
                throw new KvException(KvErrorCode.InvalidBatchSize);
            }
        }
    }
}
