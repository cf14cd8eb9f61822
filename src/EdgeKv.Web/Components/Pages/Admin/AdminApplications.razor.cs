using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Events;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>
/// The application queue: pending applications, oldest first, approved or rejected (with a reason) by an admin.
/// Live: a user applying anywhere, or another admin deciding, updates the queue at once.
/// </summary>
public sealed partial class AdminApplications
{
    private Caller _caller = default!;
    private IReadOnlyList<AccountView>? _applications;
    private PlacesView? _places;
    private string? _loadError;
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
        _events = LiveFeed.Start(Events.Subscribe, OnDomainEventAsync);
        await LoadAsync();
    }

    private Task OnDomainEventAsync(DomainEvent domainEvent) =>
        domainEvent.Kind is DomainEventKind.AccountApplied or DomainEventKind.AccountApproved or DomainEventKind.AccountRejected
            or DomainEventKind.AccountSuspended or DomainEventKind.AccountReinstated or DomainEventKind.PlacesChanged
            ? InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            })
            : Task.CompletedTask;

    private async Task LoadAsync()
    {
        try
        {
            _applications = await Accounts.ListApplicationsAsync(_caller);
            _places = await Accounts.GetPlacesAsync(_caller);
            _loadError = null;
        }
        catch (Exception exception)
        {
            _loadError = Errors.For(exception);
        }
    }

    private async Task ApproveAsync(AccountView account)
    {
        await RunAsync(() => Accounts.ApproveAsync(_caller, account.AccountId!.Value), L["Admin.Approved", account.UserEmail ?? ""]);
    }

    private async Task RejectAsync(AccountView account)
    {
        var reason = await ReasonDialog.AskAsync(Dialogs, L["Admin.Reject.Title", account.UserEmail ?? ""], required: true);
        if (reason is not null)
        {
            await RunAsync(() => Accounts.RejectAsync(_caller, account.AccountId!.Value, reason), L["Admin.Rejected", account.UserEmail ?? ""]);
        }
    }

    private async Task RunAsync(Func<Task> decision, string done)
    {
        try
        {
            await decision();
            Notifications.Notify(NotificationSeverity.Success, done);
            await LoadAsync();
        }
        catch (Exception exception)
        {
            Notifications.Notify(NotificationSeverity.Error, Errors.For(exception));
        }
    }
}
