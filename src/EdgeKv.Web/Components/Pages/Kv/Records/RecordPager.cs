using EdgeKv.Domain.Records;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>
/// Where the record list is: the prefix searched, the page size and the page number. Page N starts at position
/// (N − 1) × size of the prefix's list, which the engine finds without reading values (<see cref="RecordQuery.Skip"/>),
/// so jumping to page 5,000 of 100,000 records costs about what page 2 does. No Blazor types: tested on its own.
/// </summary>
public sealed class RecordPager
{
    /// <summary>The page sizes offered.</summary>
    public static readonly IReadOnlyList<int> PageSizes = [20, 50, 100];

    /// <summary>Records per page until the person picks another size.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The prefix the list is filtered by (empty: every record).</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>Records per page, one of <see cref="PageSizes"/>.</summary>
    public int PageSize { get; private set; } = DefaultPageSize;

    /// <summary>1-based number of the current page.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>The positions of the prefix's list at the last count (<see cref="RecordCount.Positions"/>).</summary>
    public long Positions { get; private set; }

    /// <summary>Pages of the prefix's list at the last count; at least 1, so an empty list still has its page.</summary>
    public int PageCount => (int)Math.Max(1, (Positions + PageSize - 1) / PageSize);

    /// <summary>The query for the current page.</summary>
    public RecordQuery Query => new(Prefix, Cursor: null, PageSize, Skip: (long)(PageNumber - 1) * PageSize);

    /// <summary>Starts over at the first page of <paramref name="prefix"/>.</summary>
    public void Search(string? prefix)
    {
        Prefix = prefix?.Trim() ?? "";
        PageNumber = 1;
    }

    /// <summary>Shows <paramref name="size"/> records a page, on the page holding the first record shown now.</summary>
    public void Resize(int size)
    {
        if (!PageSizes.Contains(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Not one of the offered page sizes.");
        }

        var first = (long)(PageNumber - 1) * PageSize;
        PageSize = size;
        PageNumber = (int)(first / size) + 1;
    }

    /// <summary>Moves to page <paramref name="page"/>, kept within 1..<see cref="PageCount"/>; false when that is where it was.</summary>
    public bool GoTo(int page)
    {
        var target = Math.Clamp(page, 1, PageCount);
        var moved = target != PageNumber;
        PageNumber = target;
        return moved;
    }

    /// <summary>Takes a new count; a page past the end (records deleted meanwhile) becomes the last page.</summary>
    public void Counted(RecordCount count)
    {
        Positions = count.Positions;
        PageNumber = Math.Min(PageNumber, PageCount);
    }
}
