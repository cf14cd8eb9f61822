using EdgeKv.Domain.Events;
using EdgeKv.Domain.FunctionLogs;
using EdgeKv.Web.Components.Pages.Admin.Audit;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EdgeKv.Web.Components.Pages.Projects.Functions;

/// <summary>
/// A project's function logs (日志), live: what the project's log book keeps when the panel opens, then each new line
/// as it is written, newest first, coloured by level and filtered by one (cleared: all levels). Times read in the
/// browser's zone and the console language's format. Only the project's owner or an admin sees them
/// (<see cref="ProjectLogService"/>); anyone else gets "not found".
/// </summary>
public sealed partial class ProjectLogsPanel
{
    // Newest first; as many as the book keeps, so the panel never holds more than the host does.
    private readonly LinkedList<ProjectLogEntry> _entries = new();
    private LiveFeed? _feed;
    private int _following;
    private ProjectLogLevel? _level;
    private BrowserClock _clock = BrowserClock.Utc;

    /// <summary>The project whose logs are shown.</summary>
    [Parameter, EditorRequired]
    public int ProjectId { get; set; }

    [Inject]
    private ProjectLogService Logs { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private IReadOnlyList<ProjectLogEntry> Visible =>
        [.. _entries.Where(entry => _level is null || entry.Level == _level)];

    // Logs are not domain events: the feed below follows them.
    protected override bool Concerns(DomainEvent domainEvent) => false;

    protected override async Task LoadDataAsync()
    {
        if (_feed is not null && _following == ProjectId)
        {
            return;
        }

        await DisposeLiveAsync();
        _entries.Clear();
        _following = ProjectId;
        _feed = await LiveFeed.StartAsync(
            async token =>
            {
                var feed = await Logs.FollowAsync(Caller, ProjectId, token);
                foreach (var entry in feed.Snapshot)
                {
                    _entries.AddFirst(entry);
                }

                return feed.Changes;
            },
            entry => InvokeAsync(() =>
            {
                _entries.AddFirst(entry);
                if (_entries.Count > ProjectLogBook.MaxEntriesPerProject)
                {
                    _entries.RemoveLast();
                }

                StateHasChanged();
            }));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _clock = await BrowserClock.ReadAsync(JS);
            StateHasChanged();
        }
    }

    protected override async ValueTask DisposeLiveAsync()
    {
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
            _feed = null;
        }
    }

    private void LevelChanged(ProjectLogLevel? level) => _level = level;

    private string LevelText(ProjectLogLevel? level) => level switch
    {
        ProjectLogLevel.Debug => L["Logs.Level.Debug"],
        ProjectLogLevel.Info => L["Logs.Level.Info"],
        ProjectLogLevel.Warning => L["Logs.Level.Warning"],
        ProjectLogLevel.Error => L["Logs.Level.Error"],
        _ => L["Logs.AllLevels"],
    };

    private static string LevelClass(ProjectLogLevel level) => "log-level-" + level.ToString().ToLowerInvariant();
}
