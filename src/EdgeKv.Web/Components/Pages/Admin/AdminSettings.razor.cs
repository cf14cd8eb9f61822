using EdgeKv.Domain.Accounts;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>名额设置: how many accounts may be open at once (EdgeOne: 开放名额有限); empty means unlimited.</summary>
public sealed partial class AdminSettings
{
    private PlacesView? _places;
    private bool _unlimited;
    private int _maxPlaces;

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Show(await Accounts.GetPlacesAsync(await CallerSource.GetAsync()));
    }

    private void Show(PlacesView places)
    {
        _places = places;
        _unlimited = places.MaxApprovedAccounts is null;
        _maxPlaces = places.MaxApprovedAccounts ?? places.TakenPlaces;
    }

    private async Task SaveAsync()
    {
        try
        {
            Show(await Accounts.SetMaxApprovedAccountsAsync(await CallerSource.GetAsync(), _unlimited ? null : _maxPlaces));
            Notifications.Notify(NotificationSeverity.Success, L["Common.Saved"]);
        }
        catch (Exception exception)
        {
            Notifications.Notify(NotificationSeverity.Error, Errors.For(exception));
        }
    }
}
