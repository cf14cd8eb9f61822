using EdgeKv.Core.Keys;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>
/// 记录: one page of a namespace's records at a time (cursor paging, prefix search), with create, view, edit, delete
/// and bulk delete. Live: it follows the namespace's change feed and reloads the page it shows after commits (the
/// first at once, then at most a few times a second while a burst lasts), so a record written anywhere (another tab,
/// the HTTP API, a Deno client) appears without polling.
/// </summary>
public sealed partial class RecordsPanel
{
    private readonly RecordPager _pager = new();
    private readonly HashSet<KvKey> _selected = [];
    private Caller _caller = default!;
    private RecordPage? _page;
    private string? _error;
    private string _prefixInput = "";
    private LiveFeed? _changes;
    private CoalescingTrigger? _reloads;

    /// <summary>The namespace whose records are shown.</summary>
    [Parameter, EditorRequired]
    public int NamespaceId { get; set; }

    /// <summary>False when the account is not open for writes (suspended): the list is read-only.</summary>
    [Parameter]
    public bool Writable { get; set; } = true;

    [Inject]
    private RecordService Records { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    private string EmptyText => _pager.Prefix.Length > 0 ? L["Records.NoMatch", _pager.Prefix] : L["Records.Empty"];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_changes is not null)
        {
            await _changes.DisposeAsync();
        }

        if (_reloads is not null)
        {
            await _reloads.DisposeAsync();
        }
    }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _caller = await CallerSource.GetAsync();

        // The feed is subscribed before the first page is read, so no commit falls between the two.
        _reloads = new CoalescingTrigger(CoalescingTrigger.LiveInterval, _ => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }));
        try
        {
            _changes = await LiveFeed.StartAsync(
                token => Records.WatchChangesAsync(_caller, NamespaceId, token),
                _ =>
                {
                    _reloads.Signal();
                    return Task.CompletedTask;
                },
                exception => InvokeAsync(() =>
                {
                    _error = Errors.For(exception);
                    StateHasChanged();
                }));
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
            return;
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _page = await Records.ListAsync(_caller, NamespaceId, _pager.Query);
            _selected.IntersectWith(_page.Records.Select(record => record.Key));
            _error = null;
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }

    private Task SearchAsync()
    {
        _pager.Search(_prefixInput);
        _selected.Clear();
        return LoadAsync();
    }

    private Task NextAsync() => _page is not null && _pager.Next(_page) ? LoadAsync() : Task.CompletedTask;

    private Task PreviousAsync() => _pager.Previous() ? LoadAsync() : Task.CompletedTask;

    private void Select(KvRecord record, bool selected)
    {
        if (selected)
        {
            _selected.Add(record.Key);
        }
        else
        {
            _selected.Remove(record.Key);
        }
    }

    private async Task NewAsync()
    {
        if (await RecordEditorDialog.OpenAsync(Dialogs, L["Records.New"], NamespaceId, existing: null))
        {
            await LoadAsync();
        }
    }

    private async Task EditAsync(KvRecord record)
    {
        if (await RecordEditorDialog.OpenAsync(Dialogs, L["Records.Edit", record.DisplayKey], NamespaceId, record))
        {
            await LoadAsync();
        }
    }

    private Task ViewAsync(KvRecord record) => RecordViewerDialog.OpenAsync(Dialogs, record.DisplayKey, NamespaceId, record);

    private async Task DeleteAsync(KvRecord record)
    {
        if (await Dialogs.Confirm(L["Records.Delete.Confirm", record.DisplayKey], L["Common.Delete"], ConfirmOptions()) == true)
        {
            await RunAsync(() => Records.DeleteAsync(_caller, NamespaceId, record.Key), L["Records.Deleted", 1]);
        }
    }

    private async Task DeleteSelectedAsync()
    {
        var keys = _selected.ToList();
        if (await Dialogs.Confirm(L["Records.DeleteSelected.Confirm", keys.Count], L["Common.Delete"], ConfirmOptions()) == true)
        {
            await RunAsync(() => Records.DeleteManyAsync(_caller, NamespaceId, keys), L["Records.Deleted", keys.Count]);
            _selected.Clear();
        }
    }

    private async Task RunAsync(Func<Task> change, string done)
    {
        try
        {
            await change();
            Notifications.Notify(NotificationSeverity.Success, done);
            await LoadAsync();
        }
        catch (Exception exception)
        {
            Notifications.Notify(NotificationSeverity.Error, Errors.For(exception));
        }
    }

    private ConfirmOptions ConfirmOptions() => new() { OkButtonText = L["Common.Delete"], CancelButtonText = L["Common.Cancel"] };
}
