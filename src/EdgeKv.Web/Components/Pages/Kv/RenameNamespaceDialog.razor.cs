using MudBlazor;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Namespaces;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>
/// 重命名 a namespace: the same name rules and messages as 创建命名空间, then the domain (uniqueness in the account, an
/// open account, the caller's reach). Records and bindings stay: the engine knows the namespace by its store id.
/// Closes with the renamed <see cref="NamespaceView"/>, or with nothing when the name did not change.
/// </summary>
public sealed partial class RenameNamespaceDialog
{
    /// <summary>The namespace to rename.</summary>
    [Parameter, EditorRequired]
    public NamespaceView Namespace { get; set; } = default!;

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    /// <summary>Opens the dialog; the renamed namespace, or null when cancelled or unchanged.</summary>
    public static async Task<NamespaceView?> OpenAsync(IDialogService dialogs, string title, NamespaceView ns) =>
        await dialogs.OpenAsync<RenameNamespaceDialog>(title, new DialogParameters<RenameNamespaceDialog> { { d => d.Namespace, ns } }) as NamespaceView;

    // The same name again would only write an audit entry and wake every open page for nothing.
    private async Task<object?> RenameAsync(Caller caller, string name) =>
        name == Namespace.Name ? null : await Namespaces.RenameAsync(caller, Namespace.Id, name);
}
