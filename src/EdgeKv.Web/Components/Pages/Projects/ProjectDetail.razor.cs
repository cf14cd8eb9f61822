using EdgeKv.Domain.Projects;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>A project's detail with its KV 存储 menu: the namespaces bound to it, 绑定命名空间 and unbind.</summary>
public sealed partial class ProjectDetail
{
    private ProjectView? _project;
    private string? _error;

    /// <summary>The project's database id, from the route.</summary>
    [Parameter]
    public int ProjectId { get; set; }

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _project = await Projects.GetAsync(await CallerSource.GetAsync(), ProjectId);
            _error = null;
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }
}
