using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Events;
using EdgeKv.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>
/// Every KV account that applied: status, use against capacity and namespace limit; set quotas, suspend, reinstate.
/// Live. The audit log links an account here with its e-mail as the search (<c>?email=</c>).
/// </summary>
public sealed partial class AdminAccounts
{
    private static readonly KvAccountStatus[] FilterStatuses =
        [KvAccountStatus.Pending, KvAccountStatus.Approved, KvAccountStatus.Rejected, KvAccountStatus.Suspended];

    private IReadOnlyList<AccountView>? _accounts;
    private KvAccountStatus? _status;

    /// <summary>The e-mail search, from the address (a link from the audit log) or the search box.</summary>
    [SupplyParameterFromQuery(Name = "email")]
    public string? Email { get; set; }

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    // Any change anywhere may touch an account's status, quota, namespaces or use.
    protected override bool Concerns(DomainEvent domainEvent) => true;

    protected override async Task LoadDataAsync() => _accounts = await Accounts.ListAccountsAsync(Caller);

    private bool Matches(AccountView account) =>
        AdminSearch.Matches(account.UserEmail, Email) && (_status is not { } status || account.Status == status);

    private void ClearFilters()
    {
        Email = "";
        _status = null;
    }

    private async Task EditQuotaAsync(AccountView account)
    {
        if (await QuotaDialog.AskAsync(Dialogs, L["Admin.Accounts.Quota.Title", account.UserEmail ?? ""], account) is { } quota)
        {
            await SaveAsync(() => Accounts.SetQuotaAsync(Caller, account.AccountId!.Value, quota.CapacityBytes, quota.MaxNamespaces), L["Admin.Accounts.QuotaSaved", account.UserEmail ?? ""]);
        }
    }

    private async Task SuspendAsync(AccountView account)
    {
        var reason = await ReasonDialog.AskAsync(Dialogs, L["Admin.Accounts.Suspend.Title", account.UserEmail ?? ""], required: true);
        if (reason is not null)
        {
            await SaveAsync(() => Accounts.SuspendAsync(Caller, account.AccountId!.Value, reason), L["Admin.Accounts.Suspended", account.UserEmail ?? ""]);
        }
    }

    private Task ReinstateAsync(AccountView account) =>
        SaveAsync(() => Accounts.ReinstateAsync(Caller, account.AccountId!.Value), L["Admin.Accounts.Reinstated", account.UserEmail ?? ""]);

    private async Task SaveAsync(Func<Task> change, string done)
    {
        if (await ChangeAsync(change, done))
        {
            await LoadAsync();
        }
    }
}
