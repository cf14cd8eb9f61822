using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Events;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Bindings;

/// <summary>
/// The bindings of one namespace (关联项目, with 绑定项目) or of one project (its KV 存储 menu, with 绑定命名空间).
/// Both sides show the same bindings; a change on either side appears on the other at once (domain events).
/// </summary>
public sealed partial class BindingList
{
    private Caller _caller = default!;
    private IReadOnlyList<BindingView>? _bindings;
    private string? _error;
    private LiveFeed? _events;

    /// <summary>The namespace whose bindings are listed (namespace side).</summary>
    [Parameter]
    public int? NamespaceId { get; set; }

    /// <summary>The project whose bindings are listed (project side).</summary>
    [Parameter]
    public int? ProjectId { get; set; }

    /// <summary>The owner of the namespace or project: only their projects or namespaces can be bound.</summary>
    [Parameter, EditorRequired]
    public string OwnerUserId { get; set; } = "";

    [Inject]
    private BindingService Bindings { get; set; } = default!;

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

    private bool FromProject => ProjectId is not null;

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
        domainEvent.OwnerUserId == OwnerUserId
            && domainEvent.Kind is DomainEventKind.BindingChanged or DomainEventKind.ProjectChanged
                or DomainEventKind.NamespaceRenamed or DomainEventKind.NamespaceDeleted
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
            _bindings = FromProject
                ? await Bindings.ListForProjectAsync(_caller, ProjectId!.Value)
                : await Bindings.ListForNamespaceAsync(_caller, NamespaceId!.Value);
            _error = null;
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }

    private async Task BindAsync()
    {
        var title = FromProject ? L["Bindings.BindNamespace"] : L["Bindings.BindProject"];
        if (await BindDialog.OpenAsync(Dialogs, title, NamespaceId, ProjectId, OwnerUserId))
        {
            await LoadAsync();
        }
    }

    private async Task UnbindAsync(BindingView binding)
    {
        var options = new ConfirmOptions { OkButtonText = L["Bindings.Unbind"], CancelButtonText = L["Common.Cancel"] };
        var question = L["Bindings.Unbind.Confirm", binding.NamespaceName, binding.ProjectName, binding.VariableName];
        if (await Dialogs.Confirm(question, L["Bindings.Unbind"], options) != true)
        {
            return;
        }

        try
        {
            await Bindings.UnbindAsync(_caller, binding.Id);
            Notifications.Notify(NotificationSeverity.Success, L["Bindings.Unbound", binding.VariableName]);
            await LoadAsync();
        }
        catch (Exception exception)
        {
            Notifications.Notify(NotificationSeverity.Error, Errors.For(exception));
        }
    }
}
