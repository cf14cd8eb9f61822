using EdgeKv.Web.Components.Shared;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>项目: the user's projects (they exist whether or not the user has KV), and 新建项目. Live on project and binding changes.</summary>
public sealed partial class ProjectList
{
    private IReadOnlyList<ProjectView>? _projects;

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    protected override bool Concerns(DomainEvent domainEvent) =>
        domainEvent.OwnerUserId == Caller.UserId && domainEvent.Kind is DomainEventKind.ProjectChanged or DomainEventKind.BindingChanged;

    protected override async Task LoadDataAsync() => _projects = await Projects.ListAsync(Caller, Caller.UserId);

    private async Task CreateAsync()
    {
        if (await Dialogs.OpenAsync<CreateProjectDialog>(L["Projects.Create"]) is ProjectView)
        {
            await LoadAsync();
        }
    }
}
