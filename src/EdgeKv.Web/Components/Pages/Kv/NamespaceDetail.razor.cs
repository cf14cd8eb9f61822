using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Namespaces;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>
/// A namespace: its records (记录), the projects bound to it (关联项目), how programs reach it (连接信息: the id
/// programs use, both URLs, ready-to-run snippets) and its usage over time (用量; <c>/kv/{id}/usage</c> opens it). The domain decides who may open it: a
/// namespace of another user reads as "not found". Live: renamed or deleted elsewhere, or its account suspended or
/// reinstated, the page shows it at once.
/// </summary>
public sealed partial class NamespaceDetail
{
    private NamespaceView? _namespace;
    private bool _writable;
    private bool _leaving;
    private const int UsageTab = 3;
    private int _tab;

    /// <summary>The namespace's database id, from the route.</summary>
    [Parameter]
    public int NamespaceId { get; set; }

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    // KV 存储 › the namespace; before it is loaded (or when it is not found) the trail ends at KV 存储.
    private IReadOnlyList<BreadcrumbItem> Breadcrumbs =>
        _namespace is null
            ? [new BreadcrumbItem(L["Kv.Title"], href: "kv")]
            : [new BreadcrumbItem(L["Kv.Title"], href: "kv"), new BreadcrumbItem(_namespace.Name, href: null, disabled: true)];

    // Once this page deleted the namespace it is leaving: reloading would only flash "not found".
    protected override bool Concerns(DomainEvent domainEvent) =>
        !_leaving
        && ((domainEvent.NamespaceId == NamespaceId && domainEvent.Kind is DomainEventKind.NamespaceRenamed or DomainEventKind.NamespaceDeleted)
            || (domainEvent.AccountId == _namespace?.AccountId && domainEvent.Kind is DomainEventKind.AccountSuspended or DomainEventKind.AccountReinstated));

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        // The usage tab has its own address, so it can be linked to and reopened.
        if (Navigation.ToBaseRelativePath(Navigation.Uri).Split('?')[0].EndsWith("/usage", StringComparison.Ordinal))
        {
            _tab = UsageTab;
        }
    }

    protected override async Task LoadDataAsync()
    {
        _namespace = await Namespaces.GetAsync(Caller, NamespaceId);

        // A suspended account's records stay readable; the page offers no change the domain would refuse.
        _writable = (await Accounts.GetAccountAsync(Caller, _namespace.AccountId)).IsOpen;
    }

    private async Task RenameAsync()
    {
        if (await RenameNamespaceDialog.OpenAsync(Dialogs, L["Namespace.Rename.Title"], _namespace!) is not null)
        {
            await LoadAsync();
        }
    }

    private async Task DeleteAsync()
    {
        var name = _namespace!.Name;
        if (await ConfirmAsync(L["Namespace.Delete.Confirm", name], L["Namespace.Delete"], L["Common.Delete"])
            && await ChangeAsync(() => Namespaces.DeleteAsync(Caller, NamespaceId), L["Namespace.Deleted", name]))
        {
            _leaving = true;
            Navigation.NavigateTo("kv");
        }
    }
}
