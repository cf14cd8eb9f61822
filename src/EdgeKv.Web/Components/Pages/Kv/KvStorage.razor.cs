using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Web.Services;
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
    private Caller _caller = default!;
    private AccountView? _account;
    private IReadOnlyList<NamespaceView> _namespaces = [];
    private string? _loadError;
    private bool _busy;
    private LiveFeed? _events;

    [Inject]
    private AccountApplicationService Accounts { get; set; } = default!;

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

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

        // Subscribed before the first load, so a change made while loading is not missed.
        _events = LiveFeed.Start(Events.Subscribe, OnDomainEventAsync);
        await LoadAsync();
    }

    private Task OnDomainEventAsync(DomainEvent domainEvent) =>
        domainEvent.OwnerUserId == _caller.UserId
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
            var account = await Accounts.GetMyAccountAsync(_caller);
            _namespaces = account.Status is KvAccountStatus.Approved or KvAccountStatus.Suspended
                ? await Namespaces.ListAsync(_caller, _caller.UserId)
                : [];
            _account = account;
            _loadError = null;
        }
        catch (Exception exception)
        {
            _loadError = Errors.For(exception);
        }
    }

    private async Task ApplyAsync(string? reason)
    {
        _busy = true;
        try
        {
            _account = await Accounts.ApplyAsync(_caller, reason);
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
}
