using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>
/// 名额设置: how many accounts may be open at once (EdgeOne: 开放名额有限), or unlimited; and the quota a new account
/// starts with (fixed by the platform; an account's own quota is set on the accounts page). Live: another admin's
/// change or an approval updates the places taken.
/// </summary>
public sealed partial class AdminSettings
{
    private MudForm _form = default!;
    private PlacesView? _places;
    private bool _unlimited;
    private int _maxPlaces;
    private bool _saving;

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    private string PlacesText => _places!.MaxApprovedAccounts is { } max
        ? L["Admin.Places.Limited", _places.TakenPlaces, max]
        : L["Admin.Places.Unlimited", _places.TakenPlaces];

    protected override bool Concerns(DomainEvent domainEvent) =>
        domainEvent.Kind is DomainEventKind.PlacesChanged or DomainEventKind.AccountApproved or DomainEventKind.AccountSuspended
            or DomainEventKind.AccountReinstated;

    // A reload keeps what the admin is typing; only the summary follows.
    protected override async Task LoadDataAsync()
    {
        var first = _places is null;
        _places = await Accounts.GetPlacesAsync(Caller);
        if (first)
        {
            Show(_places);
        }
    }

    private void Show(PlacesView places)
    {
        _places = places;
        _unlimited = places.MaxApprovedAccounts is null;
        _maxPlaces = places.MaxApprovedAccounts ?? places.TakenPlaces;
    }

    private string? PlacesError(int places) => places < 0 ? Errors.For(DomainErrors.InvalidPlaces) : null;

    private async Task SaveAsync()
    {
        if (!_unlimited)
        {
            await _form.ValidateAsync();
            if (!_form.IsValid)
            {
                return;
            }
        }

        _saving = true;
        PlacesView? saved = null;
        await ChangeAsync(async () => saved = await Accounts.SetMaxApprovedAccountsAsync(Caller, _unlimited ? null : _maxPlaces), L["Common.Saved"]);
        if (saved is not null)
        {
            Show(saved);
        }

        _saving = false;
    }
}
