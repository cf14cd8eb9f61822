using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Kv;

/// <summary>
/// A namespace: its records (记录) and the projects bound to it (关联项目). The domain decides who may open it: a
/// namespace of another user reads as "not found".
/// </summary>
public sealed partial class NamespaceDetail
{
    private NamespaceView? _namespace;
    private bool _writable;
    private string? _error;
    private int _tab;

    /// <summary>The namespace's database id, from the route.</summary>
    [Parameter]
    public int NamespaceId { get; set; }

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        try
        {
            var caller = await CallerSource.GetAsync();
            _namespace = await Namespaces.GetAsync(caller, NamespaceId);

            // A suspended account's records stay readable; the page offers no change the domain would refuse.
            _writable = (await Accounts.GetAccountAsync(caller, _namespace.AccountId)).IsOpen;
            _error = null;
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }

    private async Task DeleteAsync()
    {
        var options = new ConfirmOptions { OkButtonText = L["Common.Delete"], CancelButtonText = L["Common.Cancel"] };
        if (await Dialogs.Confirm(L["Namespace.Delete.Confirm", _namespace!.Name], L["Namespace.Delete"], options) != true)
        {
            return;
        }

        try
        {
            await Namespaces.DeleteAsync(await CallerSource.GetAsync(), NamespaceId);
            Notifications.Notify(NotificationSeverity.Success, L["Namespace.Deleted", _namespace.Name]);
            Navigation.NavigateTo("kv");
        }
        catch (Exception exception)
        {
            Notifications.Notify(NotificationSeverity.Error, Errors.For(exception));
        }
    }
}
