using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IReadOnlyList<KvEntry>>> ReadRawRangesAsync(
        IReadOnlyList<KvRawRange> ranges, KvConsistency consistency = KvConsistency.Strong, CancellationToken cancellationToken = default)
    {
        KvValidation.RawRanges(ranges);
        cancellationToken.ThrowIfCancellationRequested();
        _usage.CountRawRanges(ranges);
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
}
