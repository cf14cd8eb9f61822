using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Events;
using EdgeKv.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>Every KV account that applied: status, use against capacity and namespace limit; set quotas, suspend, reinstate. Live.</summary>
public sealed partial class AdminAccounts
{
    private IReadOnlyList<AccountView>? _accounts;

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    // Any change anywhere may touch an account's status, quota, namespaces or use.
    protected override bool Concerns(DomainEvent domainEvent) => true;

    protected override async Task LoadDataAsync() => _accounts = await Accounts.ListAccountsAsync(Caller);

    private async Task EditQuotaAsync(AccountView account)
    {
        if (await QuotaDialog.AskAsync(Dialogs, L["Admin.Accounts.Quota.Title", account.UserEmail ?? ""], account) is { } quota)
        {
            await SaveAsync(() => Accounts.SetQuotaAsync(Caller, account.AccountId!.Value, quota.CapacityBytes, quota.MaxNamespaces));
        }
    }

    private async Task SuspendAsync(AccountView account)
    {
        var reason = await ReasonDialog.AskAsync(Dialogs, L["Admin.Accounts.Suspend.Title", account.UserEmail ?? ""], required: true);
        if (reason is not null)
        {
            await SaveAsync(() => Accounts.SuspendAsync(Caller, account.AccountId!.Value, reason));
        }
    }

    private Task ReinstateAsync(AccountView account) => SaveAsync(() => Accounts.ReinstateAsync(Caller, account.AccountId!.Value));

    private async Task SaveAsync(Func<Task> change)
    {
        if (await ChangeAsync(change, L["Common.Saved"]))
        {
            await LoadAsync();
        }
    }
}
