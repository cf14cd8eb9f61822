using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Services;
using EdgeKv.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>
/// KV 存储: the user's KV account in whatever state it is (apply, pending, rejected, open, suspended) and, once open,
/// the usage meters and the namespaces (create, rename, delete after confirming). Live: any domain event about this user's resources (an admin approving, a
/// namespace created in another tab) reloads the page's data over the circuit, and so do commits in the engine to any
/// of the namespaces shown (records written here, through the API or by Deno), a few times a second at most while a
/// burst lasts, so the meters' and the list's figures follow the data.
/// </summary>
public sealed partial class KvStorage
{
    private AccountView? _account;
    private IReadOnlyList<NamespaceView> _namespaces = [];
    private bool _busy;
    private NamespaceChangeFollower? _engine;

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    [Inject]
    private RecordService Records { get; set; } = default!;

    protected override bool Concerns(DomainEvent domainEvent) => domainEvent.OwnerUserId == Caller.UserId;

    protected override void OnInitialized() =>
        _engine = new NamespaceChangeFollower((namespaceId, token) => Records.WatchChangesAsync(Caller, namespaceId, token), () => InvokeAsync(ReloadAsync));

    protected override async Task LoadDataAsync()
    {
        var (account, namespaces) = await ReadAsync();
        if (await _engine!.FollowAsync(namespaces.Select(ns => ns.Id)))
        {
            // A namespace followed for the first time: a commit between the read above and its feed would be missed.
            (account, namespaces) = await ReadAsync();
        }

        _namespaces = namespaces;
        _account = account;
    }

    protected override ValueTask DisposeLiveAsync() => _engine?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<(AccountView Account, IReadOnlyList<NamespaceView> Namespaces)> ReadAsync()
    {
        var account = await Accounts.GetMyAccountAsync(Caller);
        IReadOnlyList<NamespaceView> namespaces = account.Status is KvAccountStatus.Approved or KvAccountStatus.Suspended
            ? await Namespaces.ListAsync(Caller, Caller.UserId)
            : [];
        return (account, namespaces);
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
            Snackbar.Add(Errors.For(exception), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    // Why 创建命名空间 is off, shown beside it; null while the account may create one. The domain still decides.
    private string? CreateBlockedReason => _account switch
    {
        { Status: KvAccountStatus.Suspended } => L["Kv.CreateNamespace.Suspended"].Value,
        { } account when account.NamespaceCount >= account.MaxNamespaces => L["Kv.CreateNamespace.AtLimit", account.MaxNamespaces].Value,
        _ => null,
    };

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

    private async Task DeleteNamespaceAsync(NamespaceView ns)
    {
        if (await ConfirmAsync(L["Namespace.Delete.Confirm", ns.Name], L["Namespace.Delete"], L["Common.Delete"])
            && await ChangeAsync(() => Namespaces.DeleteAsync(Caller, ns.Id), L["Namespace.Deleted", ns.Name]))
        {
            await LoadAsync();
        }
    }
}
