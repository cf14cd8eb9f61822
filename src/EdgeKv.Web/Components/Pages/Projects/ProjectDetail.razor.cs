using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>
/// A project's detail with its KV 存储 menu: the namespaces bound to it, 绑定命名空间 and unbind; delete after
/// confirming. Live: renamed or deleted elsewhere, the page shows it at once.
/// </summary>
public sealed partial class ProjectDetail
{
    private ProjectView? _project;
    private bool _leaving;

    /// <summary>The project's database id, from the route.</summary>
    [Parameter]
    public int ProjectId { get; set; }

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
