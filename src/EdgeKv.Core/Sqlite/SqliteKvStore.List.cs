using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Diagnostics;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    public Task<KvListPage> ListPageAsync(KvListSelector selector, KvListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var plan = KvListPlan.Create(selector, options);
        var range = plan.RangeAfter(options?.Cursor);
        cancellationToken.ThrowIfCancellationRequested();
        KvMetrics.Operation(KvMetrics.OperationKinds.List, KvMetrics.Outcomes.Ok);
        return Task.FromResult(ReadPage(plan, range, KvListPager.FirstPageSize(plan)));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<KvEntry> ListAsync(KvListSelector selector, KvListOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Validate now, so bad input fails at the call rather than at the first MoveNextAsync.
        var plan = KvListPlan.Create(selector, options);
        var range = plan.RangeAfter(options?.Cursor);
        ThrowIfClosed();
        KvMetrics.Operation(KvMetrics.OperationKinds.List, KvMetrics.Outcomes.Ok);

        // Reads are synchronous (SQLite): each page is already read when its ValueTask is returned.
        return KvListPager.ReadAllAsync(plan, range, (rest, pageSize, _) => ValueTask.FromResult(ReadPage(plan, rest, pageSize)), cancellationToken);
    }

    /// <summary>One page in one snapshot: one statement reading one row more than the page, to know if any follow.</summary>
    private KvListPage ReadPage(KvListPlan plan, (byte[] Start, byte[] End) range, int pageSize)
    {
        _usage.Listed();
        var rows = Read((range, plan.Reverse, pageSize, now: NowMs()), static (connection, s) =>
            connection.Range(s.range.Start, s.range.End, s.Reverse, s.pageSize + 1, s.now));
        return KvListPager.PageOf(plan, rows, pageSize);
    }
}
