using System.Runtime.CompilerServices;
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
        var pageSize = Math.Min(plan.BatchSize, plan.Limit ?? int.MaxValue);
        KvMetrics.Operation(KvMetrics.OperationKinds.List, KvMetrics.Outcomes.Ok);
        return Task.FromResult(ReadPage(plan, range, pageSize));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<KvEntry> ListAsync(KvListSelector selector, KvListOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Validate now, so bad input fails at the call rather than at the first MoveNextAsync.
        var plan = KvListPlan.Create(selector, options);
        var range = plan.RangeAfter(options?.Cursor);
        ThrowIfClosed();
        KvMetrics.Operation(KvMetrics.OperationKinds.List, KvMetrics.Outcomes.Ok);
        return ListPagesAsync(plan, range, cancellationToken);
    }

    private async IAsyncEnumerable<KvEntry> ListPagesAsync(
        KvListPlan plan, (byte[] Start, byte[] End) range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var remaining = plan.Limit ?? int.MaxValue;
        while (remaining > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = ReadPage(plan, range, Math.Min(plan.BatchSize, remaining));
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }

            remaining -= page.Entries.Count;
            if (page.Complete)
            {
                yield break;
            }

            range = plan.RangeAfterKey(page.Entries[^1].Key.Encode());

            // Reads are synchronous (SQLite); this await only satisfies the async iterator.
            await Task.CompletedTask.ConfigureAwait(false);
        }
    }

    /// <summary>One page in one snapshot: one statement reading one row more than the page, to know if any follow.</summary>
    private KvListPage ReadPage(KvListPlan plan, (byte[] Start, byte[] End) range, int pageSize)
    {
        _usage.Listed();
        var rows = Read((range, plan.Reverse, pageSize, now: NowMs()), static (connection, s) =>
            connection.Range(s.range.Start, s.range.End, s.Reverse, s.pageSize + 1, s.now));
        var complete = rows.Count <= pageSize;
        if (!complete)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var cursor = rows.Count == 0 ? string.Empty : plan.CursorFor(rows[^1].Key);
        return new KvListPage(rows, cursor, complete);
    }
}
