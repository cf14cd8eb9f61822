using EdgeKv.Domain.Projects;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>A project's detail with its KV 存储 menu: the namespaces bound to it, 绑定命名空间 and unbind; delete after confirming.</summary>
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

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

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

    private async Task DeleteAsync()
    {
        var options = new ConfirmOptions { OkButtonText = L["Common.Delete"], CancelButtonText = L["Common.Cancel"] };
        if (await Dialogs.Confirm(L["Projects.Delete.Confirm", _project!.Name], L["Projects.Delete"], options) != true)
        {
            return;
        }

        try
        {
            await Projects.DeleteAsync(await CallerSource.GetAsync(), ProjectId);
            Notifications.Notify(NotificationSeverity.Success, L["Projects.Deleted", _project.Name]);
            Navigation.NavigateTo("projects");
        }
        catch (Exception exception)
        {
            Notifications.Notify(NotificationSeverity.Error, Errors.For(exception));
        }
    }
}
