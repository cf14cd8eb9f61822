using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>
/// The account's namespaces as a table: search by name (on Enter), refresh, 创建命名空间 (off with its reason shown when
/// the account may not create one), and per row the program-facing id to copy, 重命名 and 删除.
/// </summary>
public sealed partial class NamespaceList
{
    private string? _search;
    private string _filter = "";

    /// <summary>The namespaces to list.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<NamespaceView> Namespaces { get; set; } = [];

    /// <summary>False when the account may not change its namespaces (suspended): rename and delete are off.</summary>
    [Parameter]
    public bool Writable { get; set; }

    /// <summary>Why 创建命名空间 is off (suspended, at the limit), or null while it is on.</summary>
    [Parameter]
    public string? CreateBlockedReason { get; set; }

    /// <summary>Opens the 创建命名空间 dialog.</summary>
    [Parameter]
    public EventCallback OnCreate { get; set; }

    /// <summary>Opens the 重命名 dialog for a namespace.</summary>
    [Parameter]
    public EventCallback<NamespaceView> OnRename { get; set; }

    /// <summary>Asks, then deletes a namespace.</summary>
    [Parameter]
    public EventCallback<NamespaceView> OnDelete { get; set; }

    /// <summary>Reads the list again.</summary>
    [Parameter]
    public EventCallback OnRefresh { get; set; }

    // Filtered here: an account holds a few dozen namespaces at most, all of them already loaded.
    private IEnumerable<NamespaceView> Shown =>
        _filter.Length == 0 ? Namespaces : Namespaces.Where(ns => ns.Name.Contains(_filter, StringComparison.OrdinalIgnoreCase));

    private static string DateOf(NamespaceView ns) => DisplayFormat.Time(ns.CreatedAt).Split(' ', 2)[0];

    private static string TimeOf(NamespaceView ns) => DisplayFormat.Time(ns.CreatedAt).Split(' ', 2)[1];

    private void SearchOnEnter(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            _filter = _search?.Trim() ?? "";
        }
    }

    private void ClearSearch()
    {
        _search = null;
        _filter = "";
    }
}
