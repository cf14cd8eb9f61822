using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Bindings;

/// <summary>
/// 绑定项目 (from a namespace: pick one of the owner's projects) or 绑定命名空间 (from a project: pick one of the
/// owner's namespaces), with the runtime variable name. Only what is not bound yet is offered; when nothing is left,
/// the dialog says so. Closes with true when bound.
/// </summary>
public sealed partial class BindDialog
{
    private IReadOnlyList<BindTarget> _options = [];
    private bool _loaded;
    private bool _ownerHasNone;
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

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

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

    private bool FromProject => ProjectId is not null;

    private string TargetLabel => FromProject ? L["Kv.Namespace.Name"] : L["Projects.Name"];

    private string NothingTitle => FromProject ? L["Bindings.NoNamespaceToBind"] : L["Bindings.NoProjectToBind"];

    private string NothingText => (FromProject, _ownerHasNone) switch
    {
        (true, true) => L["Bindings.NoNamespaces"],
        (true, false) => L["Bindings.AllNamespacesBound"],
        (false, true) => L["Bindings.NoProjects"],
        (false, false) => L["Bindings.AllProjectsBound"],
    };

    /// <summary>Opens the dialog; true when a binding was made.</summary>
    public static async Task<bool> OpenAsync(IDialogService dialogs, string title, int? namespaceId, int? projectId, string ownerUserId) =>
        await dialogs.OpenAsync<BindDialog>(title, new DialogParameters<BindDialog>
        {
            { d => d.NamespaceId, namespaceId },
            { d => d.ProjectId, projectId },
            { d => d.OwnerUserId, ownerUserId },
        }) is true;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        try
        {
            var caller = await CallerSource.GetAsync();
            IReadOnlyList<BindTarget> all;
            HashSet<int> bound;
            if (FromProject)
            {
                all = [.. (await Namespaces.ListAsync(caller, OwnerUserId)).Select(n => new BindTarget(n.Id, n.Name))];
                bound = [.. (await Bindings.ListForProjectAsync(caller, ProjectId!.Value)).Select(b => b.NamespaceId)];
            }
            else
            {
                all = [.. (await Projects.ListAsync(caller, OwnerUserId)).Select(p => new BindTarget(p.Id, p.Name))];
                bound = [.. (await Bindings.ListForNamespaceAsync(caller, NamespaceId!.Value)).Select(b => b.ProjectId)];
            }

            // A namespace is bound at most once per project (the domain refuses a second time): offer only the rest.
            _options = [.. all.Where(target => !bound.Contains(target.Id))];
            _ownerHasNone = all.Count == 0;
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }

        _loaded = true;
    }

    private string NameOf(int? id) => _options.FirstOrDefault(option => option.Id == id)?.Name ?? "";

    private Task SubmitOnEnterAsync(KeyboardEventArgs e) => e.Key == "Enter" && !_busy ? BindAsync() : Task.CompletedTask;

    private async Task BindAsync()
    {
        var name = _variableName.Trim();
        if (_targetId is null)
        {
            _error = FromProject ? L["Bindings.ChooseNamespace"] : L["Bindings.ChooseProject"];
            return;
        }

        // The domain's one rule for variable names answers before anything is sent.
        if (VariableNames.ErrorFor(name) is { } invalid)
        {
            _error = Errors.For(invalid);
            return;
        }

        _busy = true;
        try
        {
            await Bindings.BindAsync(await CallerSource.GetAsync(), NamespaceId ?? _targetId.Value, ProjectId ?? _targetId.Value, name);
            Dialog.Close(DialogResult.Ok(true));
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
