using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>
/// A project's page with its own menu, as on EdgeOne Pages: 函数 (<c>/projects/{id}/functions</c>: the code editor,
/// deployments and a test-invoke panel) and KV 存储 (<c>/projects/{id}</c>: the namespaces bound to it, 绑定命名空间 and
/// unbind); delete after confirming. Live: renamed or deleted elsewhere, the page shows it at once.
/// </summary>
public sealed partial class ProjectDetail
{
    private ProjectView? _project;
    private bool _leaving;

    /// <summary>The section the page opens at when the URL names none (KV 存储, the page's first content).</summary>
    public const string DefaultSection = "kv";

    /// <summary>The project's database id, from the route.</summary>
    [Parameter]
    public int ProjectId { get; set; }

    /// <summary>The section's URL segment (<see cref="ProjectSection.Key"/>), from the route; null for the default.</summary>
    [Parameter]
    public string? Section { get; set; }

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    // Once this page deleted the project it is leaving: reloading would only flash "not found".
    protected override bool Concerns(DomainEvent domainEvent) =>
        !_leaving && domainEvent.ProjectId == ProjectId && domainEvent.Kind == DomainEventKind.ProjectChanged;

    // 项目 › name: the list is a link, the page itself is not.
    private IReadOnlyList<BreadcrumbItem> Breadcrumbs =>
    [
        new(L["Projects.Title"], "projects"),
        new(_project?.Name ?? "…", null, true),
    ];

    // The default section keeps the project's own URL, so links and bookmarks made before the menu grew still land on it.
    private string SectionHref(string key) => key == DefaultSection ? $"projects/{ProjectId}" : $"projects/{ProjectId}/{key}";

    protected override async Task LoadDataAsync() => _project = await Projects.GetAsync(Caller, ProjectId);

    private async Task DeleteAsync()
    {
        var name = _project!.Name;
        if (await ConfirmAsync(L["Projects.Delete.Confirm", name], L["Projects.Delete"], L["Common.Delete"])
            && await ChangeAsync(() => Projects.DeleteAsync(Caller, ProjectId), L["Projects.Deleted", name]))
        {
            _leaving = true;
            Navigation.NavigateTo("projects");
        }
    }
}
