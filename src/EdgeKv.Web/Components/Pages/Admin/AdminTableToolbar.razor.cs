using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>The toolbar of an admin list; the search applies on Enter, so a long list is not filtered on every key.</summary>
public sealed partial class AdminTableToolbar
{
    private string? _typed;
    private string? _applied;

    /// <summary>The search in effect.</summary>
    [Parameter]
    public string? Search { get; set; }

    /// <summary>Raised when a new search is entered.</summary>
    [Parameter]
    public EventCallback<string> SearchChanged { get; set; }

    /// <summary>The search box's element id.</summary>
    [Parameter, EditorRequired]
    public string SearchId { get; set; } = "";

    /// <summary>The count shown ("共 12 条").</summary>
    [Parameter]
    public string? Total { get; set; }

    /// <summary>The page's own filters, beside the search.</summary>
    [Parameter]
    public RenderFragment? Filters { get; set; }

    /// <summary>Loads the list again.</summary>
    [Parameter]
    public EventCallback OnRefresh { get; set; }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // The page may set the search itself (a link's ?email=, "清除筛选"): the box then shows it.
        if (Search != _applied)
        {
            _typed = _applied = Search;
        }
    }

    private Task SearchOnEnterAsync(KeyboardEventArgs e) => e.Key is "Enter" or "NumpadEnter" ? ApplyAsync(_typed?.Trim() ?? "") : Task.CompletedTask;

    private Task ClearAsync(MouseEventArgs _)
    {
        _typed = "";
        return ApplyAsync("");
    }

    private Task ApplyAsync(string search)
    {
        _applied = search;
        return SearchChanged.InvokeAsync(search);
    }
}
