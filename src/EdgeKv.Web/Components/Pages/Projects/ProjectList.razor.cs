using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>
/// 项目: the user's projects (they exist whether or not the user has KV), searched by name on Enter, and 新建项目.
/// Live on project and binding changes.
/// </summary>
public sealed partial class ProjectList
{
    private static readonly int[] PageSizes = [25, 50, 100];

    private IReadOnlyList<ProjectView>? _projects;

    // What is typed, and what the list is filtered by: the search runs on Enter, not on every key.
    private string? _searchInput;
    private string _search = "";

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    protected override bool Concerns(DomainEvent domainEvent) =>
        domainEvent.OwnerUserId == Caller.UserId && domainEvent.Kind is DomainEventKind.ProjectChanged or DomainEventKind.BindingChanged;

    protected override async Task LoadDataAsync() => _projects = await Projects.ListAsync(Caller, Caller.UserId);

    private bool Matches(ProjectView project) => project.Name.Contains(_search, StringComparison.OrdinalIgnoreCase);

    private void SearchOnEnter(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            _search = _searchInput?.Trim() ?? "";
        }
    }

    private void ClearSearch(MouseEventArgs e) => _search = "";

    private async Task CreateAsync()
    {
        if (await Dialogs.OpenAsync<CreateProjectDialog>(L["Projects.Create"]) is ProjectView)
        {
            await LoadAsync();
        }
    }
}
