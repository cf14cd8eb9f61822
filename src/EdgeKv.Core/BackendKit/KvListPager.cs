using System.Runtime.CompilerServices;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.BackendKit;

/// <summary>
/// How every backend turns a <see cref="KvListPlan"/> into pages: a page is one snapshot read of one row more than
/// its size (the extra row only tells whether any follow), its cursor names its last key, and a whole list is pages
/// of <see cref="KvListPlan.BatchSize"/> read one after another, each resuming after the last key of the one before,
/// until the plan's limit or the range's end. A backend supplies only how it reads rows of a range.
/// </summary>
internal static class KvListPager
{
    /// <summary>The size of the one page <see cref="IKvStore.ListPageAsync"/> answers: a batch, no more than the limit.</summary>
    public static int FirstPageSize(KvListPlan plan) => Math.Min(plan.BatchSize, plan.Limit ?? int.MaxValue);

    /// <summary>The page of <paramref name="rows"/>, read as up to <paramref name="pageSize"/> + 1 rows in key order.</summary>
    public static KvListPage PageOf(KvListPlan plan, List<KvEntry> rows, int pageSize)
    {
        var complete = rows.Count <= pageSize;
        if (!complete)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var cursor = rows.Count == 0 ? string.Empty : plan.CursorFor(rows[^1].Key);
        return new KvListPage(rows, cursor, complete);
    }

    /// <summary>
    /// Every entry of <paramref name="range"/> up to the plan's limit, read page by page with
    /// <paramref name="readPage"/> (the range still to read, the page size, the enumeration's cancellation).
    /// </summary>
    public static async IAsyncEnumerable<KvEntry> ReadAllAsync(
        KvListPlan plan,
        (byte[] Start, byte[] End) range,
        Func<(byte[] Start, byte[] End), int, CancellationToken, ValueTask<KvListPage>> readPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var remaining = plan.Limit ?? int.MaxValue;
        while (remaining > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await readPage(range, Math.Min(plan.BatchSize, remaining), cancellationToken).ConfigureAwait(false);
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
        }
    }
}
