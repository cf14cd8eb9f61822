using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Events;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EdgeKv.Web.Components.Shared;

/// <summary>
/// The skeleton of a live console page (or a live panel of one). It finds the signed-in <see cref="Caller"/>,
/// subscribes to the domain events and only then loads, so nothing committed in between is missed; it loads again on
/// every parameter set (a route id that changed) and whenever an event the page <see cref="Concerns"/> arrives; and it
/// ends the subscription when the page goes, so no reload runs for a page that is gone. A page says which events
/// matter and how it loads (<see cref="LoadDataAsync"/>); a failed load is shown from <see cref="LoadError"/>.
/// Pages use it with <c>@inherits LivePage</c>.
/// </summary>
public abstract partial class LivePage : ComponentBase, IAsyncDisposable
{
    private LiveFeed? _events;

    /// <summary>The signed-in user, as the domain services want it; set before the first load.</summary>
    protected Caller Caller { get; private set; } = default!;

    /// <summary>Why the last load failed, in the console's language; null after a load that worked.</summary>
    protected string? LoadError { get; set; }

    /// <summary>The console's strings.</summary>
    [Inject]
    protected IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>Turns refusals into text.</summary>
    [Inject]
    protected ErrorText Errors { get; set; } = default!;

    /// <summary>MudBlazor's dialogs (opened with <see cref="ConsoleDialogs"/>).</summary>
    [Inject]
    protected IDialogService Dialogs { get; set; } = default!;

    /// <summary>MudBlazor's toasts, for what a change did.</summary>
    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDomainEvents Events { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    /// <summary>Loads what the page shows again and renders it (after an event, or when a parent changed the data).</summary>
    public async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_events is not null)
        {
            await _events.DisposeAsync();
        }

        await DisposeLiveAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>True when <paramref name="domainEvent"/> may change what the page shows. Runs off the renderer's thread.</summary>
    protected abstract bool Concerns(DomainEvent domainEvent);

    /// <summary>Reads what the page shows; a thrown refusal becomes <see cref="LoadError"/>.</summary>
    protected abstract Task LoadDataAsync();

    /// <summary>Ends what a page follows besides the domain events (an engine change feed). Nothing by default.</summary>
    protected virtual ValueTask DisposeLiveAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Caller = await CallerSource.GetAsync();
        // Missed events (a cluster node's line to the others was cut) may have changed anything: every page reloads.
        _events = LiveFeed.Start(Events.Subscribe, domainEvent => domainEvent.Kind == DomainEventKind.EventsMissed || Concerns(domainEvent)
            ? InvokeAsync(ReloadAsync)
            : Task.CompletedTask);
    }

    /// <inheritdoc />
    protected override Task OnParametersSetAsync() => LoadAsync();

    /// <summary>Runs <see cref="LoadDataAsync"/>, keeping its refusal in <see cref="LoadError"/> instead of failing the circuit.</summary>
    protected async Task LoadAsync()
    {
        try
        {
            await LoadDataAsync();
            LoadError = null;
        }
        catch (Exception exception)
        {
            LoadError = Errors.For(exception);
        }
    }
}
