using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>The pager of an admin list: page sizes, "第 1–25 条，共 80 条", and a page number to jump to on Enter.</summary>
public sealed partial class AdminTablePager
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];
    private int? _jumpTo;

    /// <summary>A prefix for the element ids.</summary>
    [Parameter]
    public string Id { get; set; } = "pager";

    [CascadingParameter]
    private TableContext? Context { get; set; }

    private Task JumpOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key is not ("Enter" or "NumpadEnter") || Context?.Table is not { } table || _jumpTo is not { } page)
        {
            return Task.CompletedTask;
        }

        // Pages count from 1 for people and from 0 for the table; a number past the end goes to the last page.
        var pages = Math.Max(1, (int)Math.Ceiling(table.GetFilteredItemsCount() / (double)table.RowsPerPage));
        table.NavigateTo(Math.Clamp(page, 1, pages) - 1);
        return Task.CompletedTask;
    }
}
