using EdgeKv.Functions.Hosting;
using EdgeKv.Web.Hosting;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>
/// Where a project's functions answer, copyable: <c>http://p42.localhost:5082/</c> on the functions listener (see
/// <see cref="FunctionsHostNames"/>), and <c>http://127.0.0.1:5082/functions/42/</c> for tools that cannot set a host.
/// </summary>
public sealed partial class FunctionsUrl
{
    private string? _byHost;
    private string? _byPath;

    /// <summary>The project's database id.</summary>
    [Parameter, EditorRequired]
    public int ProjectId { get; set; }

    [Inject]
    private ConsoleListeners Listeners { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (Listeners.FunctionsUrl is not { } listener || Listeners.FunctionsPort is not { } port)
        {
            _byHost = _byPath = null;
            return;
        }

        _byHost = $"http://{FunctionsHostNames.HostOf(ProjectId)}:{port}/";
        _byPath = $"{listener}{FunctionsEndpointRouteBuilderExtensions.RoutePrefix}/{ProjectId}/";
    }
}
