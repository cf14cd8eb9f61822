using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Projects;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>新建项目: a name checked for its shape here and for uniqueness by the domain. Closes with the <see cref="ProjectView"/>.</summary>
public sealed partial class CreateProjectDialog
{
    [Inject]
    private ProjectService Projects { get; set; } = default!;

    private async Task<object?> CreateAsync(Caller caller, string name) => await Projects.CreateAsync(caller, name);
}
