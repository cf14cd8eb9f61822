using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <inheritdoc />
    public Task<long> CountAsync(KvListSelector selector, CancellationToken cancellationToken = default)
    {
        var plan = KvListPlan.Create(selector, options: null);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read((plan, now: NowMs()), static (connection, s) => connection.Count(s.plan.Start, s.plan.End, s.now)));
    }

    /// <inheritdoc />
    public Task<string?> SkipAsync(KvListSelector selector, long count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var plan = KvListPlan.Create(selector, options: null);
        cancellationToken.ThrowIfCancellationRequested();
        if (count == 0)
        {
            return Task.FromResult<string?>("");
        }

        // The cursor names the last key skipped, so a list resumed from it starts at key number `count`.
        var lastSkipped = Read((plan, offset: count - 1, now: NowMs()), static (connection, s) =>
            connection.KeyAt(s.plan.Start, s.plan.End, s.offset, s.now));
        return Task.FromResult(lastSkipped is null ? null : plan.CursorFor(lastSkipped));
    }
}
