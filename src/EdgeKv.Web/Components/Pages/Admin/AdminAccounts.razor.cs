using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Events;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>Every KV account that applied: status, use against capacity and namespace limit; set quotas, suspend, reinstate. Live.</summary>
public sealed partial class AdminAccounts
{
    private Caller _caller = default!;
    private IReadOnlyList<AccountView>? _accounts;
    private string? _error;
    private LiveFeed? _events;

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    [Inject]
    private IDomainEvents Events { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_events is not null)
        {
            await _events.DisposeAsync();
        }
    }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _caller = await CallerSource.GetAsync();
        _events = LiveFeed.Start(Events.Subscribe, _ => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _accounts = await Accounts.ListAccountsAsync(_caller);
            _error = null;
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }

    private async Task EditQuotaAsync(AccountView account)
    {
        if (await QuotaDialog.AskAsync(Dialogs, L["Admin.Accounts.Quota.Title", account.UserEmail ?? ""], account) is { } quota)
        {
            await RunAsync(() => Accounts.SetQuotaAsync(_caller, account.AccountId!.Value, quota.CapacityBytes, quota.MaxNamespaces));
        }
    }

    private async Task SuspendAsync(AccountView account)
    {
        var reason = await ReasonDialog.AskAsync(Dialogs, L["Admin.Accounts.Suspend.Title", account.UserEmail ?? ""], required: true);
        if (reason is not null)
        {
            await RunAsync(() => Accounts.SuspendAsync(_caller, account.AccountId!.Value, reason));
        }
    }

    private Task ReinstateAsync(AccountView account) => RunAsync(() => Accounts.ReinstateAsync(_caller, account.AccountId!.Value));

    private async Task RunAsync(Func<Task> change)
    {
        try
        {
            await change();
            Notifications.Notify(NotificationSeverity.Success, L["Common.Saved"]);
            await LoadAsync();
        }
        catch (Exception exception)
        {
            Notifications.Notify(NotificationSeverity.Error, Errors.For(exception));
        }
    }
}
