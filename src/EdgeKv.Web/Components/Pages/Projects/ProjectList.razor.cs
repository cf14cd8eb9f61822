using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Projects;

/// <summary>项目: the user's projects (they exist whether or not the user has KV), and 新建项目. Live on project and binding changes.</summary>
public sealed partial class ProjectList
{
    private Caller _caller = default!;
    private IReadOnlyList<ProjectView>? _projects;
    private string? _error;
    private LiveFeed? _events;

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    [Inject]
    private IDomainEvents Events { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

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
        domainEvent.OwnerUserId == _caller.UserId && domainEvent.Kind is DomainEventKind.ProjectChanged or DomainEventKind.BindingChanged
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
            _projects = await Projects.ListAsync(_caller, _caller.UserId);
            _error = null;
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }

    private async Task CreateAsync()
    {
        if (await Dialogs.OpenAsync<CreateProjectDialog>(L["Projects.Create"]) is ProjectView)
        {
            await LoadAsync();
        }
    }
}
