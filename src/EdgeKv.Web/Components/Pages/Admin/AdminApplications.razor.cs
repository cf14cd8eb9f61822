using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Events;
using EdgeKv.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>
/// The application queue: pending applications, oldest first, approved or rejected (with a reason) by an admin.
/// Live: a user applying anywhere, or another admin deciding, updates the queue at once.
/// </summary>
public sealed partial class AdminApplications
{
    private IReadOnlyList<AccountView>? _applications;
    private PlacesView? _places;
    private string _search = "";

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    private string PlacesText => _places!.MaxApprovedAccounts is { } max
        ? L["Admin.Places.Limited", _places.TakenPlaces, max]
        : L["Admin.Places.Unlimited", _places.TakenPlaces];

    private string TotalText => L["Admin.Total", _applications?.Count(Matches) ?? 0];

    protected override bool Concerns(DomainEvent domainEvent) =>
        domainEvent.Kind is DomainEventKind.AccountApplied or DomainEventKind.AccountApproved or DomainEventKind.AccountRejected
            or DomainEventKind.AccountSuspended or DomainEventKind.AccountReinstated or DomainEventKind.PlacesChanged;

    protected override async Task LoadDataAsync()
    {
        _applications = await Accounts.ListApplicationsAsync(Caller);
        _places = await Accounts.GetPlacesAsync(Caller);
    }

    private bool Matches(AccountView account) => AdminSearch.Matches(account.UserEmail, _search);

    private Task ApproveAsync(AccountView account) =>
        DecideAsync(() => Accounts.ApproveAsync(Caller, account.AccountId!.Value), L["Admin.Approved", account.UserEmail ?? ""]);

    private async Task RejectAsync(AccountView account)
    {
        var reason = await ReasonDialog.AskAsync(Dialogs, L["Admin.Reject.Title", account.UserEmail ?? ""], required: true);
        if (reason is not null)
        {
            await DecideAsync(() => Accounts.RejectAsync(Caller, account.AccountId!.Value, reason), L["Admin.Rejected", account.UserEmail ?? ""]);
        }
    }

    private async Task DecideAsync(Func<Task> decision, string done)
    {
        if (await ChangeAsync(decision, done))
        {
            await LoadAsync();
        }
    }
}
