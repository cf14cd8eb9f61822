using EdgeKv.Domain;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>新建项目: a name checked for its shape here and for uniqueness by the domain. Closes with the <see cref="ProjectView"/>.</summary>
public sealed partial class CreateProjectDialog
{
    private string _name = "";
    private string? _error;
    private bool _busy;

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    private async Task CreateAsync()
    {
        var name = _name.Trim();
        if (!DomainValidation.IsValidResourceName(name))
        {
            _error = Errors.For(DomainErrors.InvalidProjectName);
            return;
        }

        _busy = true;
        try
        {
            Dialogs.Close(await Projects.CreateAsync(await CallerSource.GetAsync(), name));
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }
}
