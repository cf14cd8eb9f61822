using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Events;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Bindings;

/// <summary>
/// The bindings of one namespace (关联项目, with 绑定项目) or of one project (its KV 存储 menu, with 绑定命名空间).
/// Both sides show the same bindings; a change on either side appears on the other at once (domain events).
/// </summary>
public sealed partial class BindingList
{
    private IReadOnlyList<BindingView>? _bindings;

    /// <summary>The namespace whose bindings are listed (namespace side).</summary>
    [Parameter]
    public int? NamespaceId { get; set; }

    /// <summary>The project whose bindings are listed (project side).</summary>
    [Parameter]
    public int? ProjectId { get; set; }

    /// <summary>The owner of the namespace or project: only their projects or namespaces can be bound.</summary>
    [Parameter, EditorRequired]
    public string OwnerUserId { get; set; } = "";

    [Inject]
    private BindingService Bindings { get; set; } = default!;

    private bool FromProject => ProjectId is not null;

    private string BindText => FromProject ? L["Bindings.BindNamespace"] : L["Bindings.BindProject"];

    protected override bool Concerns(DomainEvent domainEvent) =>
        domainEvent.OwnerUserId == OwnerUserId
        && domainEvent.Kind is DomainEventKind.BindingChanged or DomainEventKind.ProjectChanged
            or DomainEventKind.NamespaceRenamed or DomainEventKind.NamespaceDeleted;

    protected override async Task LoadDataAsync() =>
        _bindings = FromProject
            ? await Bindings.ListForProjectAsync(Caller, ProjectId!.Value)
            : await Bindings.ListForNamespaceAsync(Caller, NamespaceId!.Value);

    private async Task BindAsync()
    {
        if (await BindDialog.OpenAsync(Dialogs, BindText, NamespaceId, ProjectId, OwnerUserId))
        {
            await LoadAsync();
        }
    }

    private async Task UnbindAsync(BindingView binding)
    {
        var question = L["Bindings.Unbind.Confirm", binding.NamespaceName, binding.ProjectName, binding.VariableName];
        if (await ConfirmAsync(question, L["Bindings.Unbind"], L["Bindings.Unbind"])
            && await ChangeAsync(() => Bindings.UnbindAsync(Caller, binding.Id), L["Bindings.Unbound", binding.VariableName]))
        {
            await LoadAsync();
        }
    }
}
