using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Projects;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>
/// 新建项目: a name checked for its shape here and for uniqueness by the domain, and a template (blank, or 计数器: the
/// guide's counter deployed and bound to a new namespace). Closes with the <see cref="ProjectView"/>.
/// </summary>
public sealed partial class CreateProjectDialog
{
    private ProjectTemplate _template = ProjectTemplate.Blank;

    [Inject]
    private ProjectTemplateService Templates { get; set; } = default!;

    private async Task<object?> CreateAsync(Caller caller, string name) => await Templates.CreateAsync(caller, name, _template);
}
