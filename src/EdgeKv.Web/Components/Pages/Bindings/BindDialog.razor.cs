using EdgeKv.Domain;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Bindings;

/// <summary>
/// 绑定项目 (from a namespace: pick one of the owner's projects) or 绑定命名空间 (from a project: pick one of the
/// owner's namespaces), with the runtime variable name. Closes with true when bound.
/// </summary>
public sealed partial class BindDialog
{
    private IReadOnlyList<BindTarget> _options = [];
    private bool _loaded;
    private int? _targetId;
    private string _variableName = "";
    private string? _error;
    private bool _busy;

    /// <summary>The namespace to bind (namespace side), or null.</summary>
    [Parameter]
    public int? NamespaceId { get; set; }

    /// <summary>The project to bind to (project side), or null.</summary>
    [Parameter]
    public int? ProjectId { get; set; }

    /// <summary>Whose projects or namespaces are offered.</summary>
    [Parameter, EditorRequired]
    public string OwnerUserId { get; set; } = "";

    [Inject]
    private BindingService Bindings { get; set; } = default!;

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    /// <summary>Opens the dialog; true when a binding was made.</summary>
    public static async Task<bool> OpenAsync(MudBlazor.IDialogService dialogs, string title, int? namespaceId, int? projectId, string ownerUserId) =>
        await EdgeKv.Web.Components.Shared.ConsoleDialogs.OpenAsync<BindDialog>(dialogs, title, new MudBlazor.DialogParameters
        {
            [nameof(NamespaceId)] = namespaceId,
            [nameof(ProjectId)] = projectId,
            [nameof(OwnerUserId)] = ownerUserId,
        }) is true;

    /// <summary>The error for a variable name as typed, or null when it may be sent.</summary>
    public static DomainError? ValidateVariableName(string name) =>
        DomainValidation.IsValidVariableName(name) ? null
        : DomainValidation.IsReservedWord(name) ? DomainErrors.ReservedVariableName.With(name)
        : DomainErrors.InvalidVariableName;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        try
        {
            var caller = await CallerSource.GetAsync();
            _options = ProjectId is null
                ? [.. (await Projects.ListAsync(caller, OwnerUserId)).Select(p => new BindTarget(p.Id, p.Name))]
                : [.. (await Namespaces.ListAsync(caller, OwnerUserId)).Select(n => new BindTarget(n.Id, n.Name))];
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }

        _loaded = true;
    }

    private async Task BindAsync()
    {
        var name = _variableName.Trim();
        if (_targetId is null)
        {
            _error = L["Bindings.Choose"];
            return;
        }

        if (ValidateVariableName(name) is { } invalid)
        {
            _error = Errors.For(invalid);
            return;
        }

        _busy = true;
        try
        {
            await Bindings.BindAsync(await CallerSource.GetAsync(), NamespaceId ?? _targetId.Value, ProjectId ?? _targetId.Value, name);
            Dialogs.Close(true);
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

    /// <summary>A project or namespace that can be picked.</summary>
    public sealed record BindTarget(int Id, string Name);
}
