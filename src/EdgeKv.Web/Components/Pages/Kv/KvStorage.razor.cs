using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Namespaces;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>
/// KV 存储: the user's KV account in whatever state it is (apply, pending, rejected, open, suspended) and, once open,
/// the usage meters and the namespaces. Live: any domain event about this user's resources (an admin approving, a
/// namespace created in another tab) reloads the page's data over the circuit.
/// </summary>
public sealed partial class KvStorage
{
    private AccountView? _account;
    private IReadOnlyList<NamespaceView> _namespaces = [];
    private bool _busy;

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    protected override bool Concerns(DomainEvent domainEvent) => domainEvent.OwnerUserId == Caller.UserId;

    protected override async Task LoadDataAsync()
    {
        var account = await Accounts.GetMyAccountAsync(Caller);
        _namespaces = account.Status is KvAccountStatus.Approved or KvAccountStatus.Suspended
            ? await Namespaces.ListAsync(Caller, Caller.UserId)
            : [];
        _account = account;
    }

    private async Task ApplyAsync(string? reason)
    {
        _busy = true;
        try
        {
            _account = await Accounts.ApplyAsync(Caller, reason);
        }
        catch (Exception exception)
        {
            Notifications.Notify(NotificationSeverity.Error, Errors.For(exception));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CreateNamespaceAsync()
    {
        var created = await Dialogs.OpenAsync<CreateNamespaceDialog>(L["Kv.CreateNamespace"]);
        if (created is NamespaceView)
        {
            await LoadAsync();
        }
    }

    private async Task RenameNamespaceAsync(NamespaceView ns)
    {
        if (await RenameNamespaceDialog.OpenAsync(Dialogs, L["Namespace.Rename.Title"], ns) is not null)
        {
            await LoadAsync();
        }
    }
}
