using System.Globalization;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>
/// 记录: a namespace's records as a cloud console lists them: prefix search (on Enter), refresh, 新建记录, bulk delete
/// of the selected rows, a total, a page-size choice and page numbers with a jump (<see cref="RecordPager"/>: page N
/// starts at a position the engine finds without reading values, so 100,000 records are as navigable as 100).
/// Live: it follows the namespace's change feed and reloads the page it shows after commits (the first at once, then
/// at most a few times a second while a burst lasts), so a record written anywhere appears without polling.
/// </summary>
public sealed partial class RecordsPanel : LivePage
{
    private readonly RecordPager _pager = new();
    private HashSet<KvRecord> _selected = new(RecordKeyComparer.Instance);
    private RecordPage? _page;
    private RecordCount? _count;
    private string _prefixInput = "";
    private int? _jumpTo;
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

    private IReadOnlyList<KvRecord> RecordsShown => _page?.Records ?? [];

    // The total is the prefix's (counted keys only, tens of milliseconds at 100,000 records), not the namespace's.
    private string TotalText => _count is not { } count
        ? ""
        : _pager.Prefix.Length > 0 ? L["Records.TotalOfPrefix", count.Records, _pager.Prefix] : L["Records.Total", count.Records];

    /// <inheritdoc />
    protected override bool Concerns(DomainEvent domainEvent) => false;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();

        // The feed is subscribed before the first page is read (LivePage loads after this), so no commit falls between.
        _reloads = new CoalescingTrigger(CoalescingTrigger.LiveInterval, _ => InvokeAsync(ReloadAsync));
        try
        {
            _changes = await LiveFeed.StartAsync(
                token => Records.WatchChangesAsync(Caller, NamespaceId, token),
                _ =>
                {
                    _reloads.Signal();
                    return Task.CompletedTask;
                },
                exception => InvokeAsync(() =>
                {
                    LoadError = Errors.For(exception);
                    StateHasChanged();
                }));
        }
        catch (Exception exception)
        {
            LoadError = Errors.For(exception);
        }
    }

    /// <inheritdoc />
    protected override async Task LoadDataAsync()
    {
        // Counted first, so a page past the end (records deleted meanwhile) becomes the last page before it is read.
        _count = await Records.CountAsync(Caller, NamespaceId, _pager.Prefix);
        _pager.Counted(_count);
        _page = await Records.ListAsync(Caller, NamespaceId, _pager.Query);
        _selected = new HashSet<KvRecord>(_page.Records.Where(_selected.Contains), RecordKeyComparer.Instance);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeLiveAsync()
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

    private string KeyTooltip(KvRecord record) => $"{record.DisplayKey} · {L["Records.VersionstampOf", record.Versionstamp]}";

    // In the reader's language and calendar; the servers' clock is UTC, so the time says so.
    private string ExpiryText(KvRecord record) => record.ExpiresAt is { } at
        ? L["Records.ExpiresAtLocal", at.UtcDateTime.ToString("g", CultureInfo.CurrentCulture)]
        : L["Records.NoExpiry"];

    private bool CanEdit(KvRecord record) => Writable && record.StringKey is not null && new RecordValueView(record.Value).FitsTheEditor;

    private Task SearchOnEnterAsync(KeyboardEventArgs e) => e.Key == "Enter" ? SearchAsync() : Task.CompletedTask;

    private Task SearchAsync()
    {
        _pager.Search(_prefixInput);
        _selected.Clear();
        return ReloadAsync();
    }

    private Task ResizeAsync(int size)
    {
        _pager.Resize(size);
        return ReloadAsync();
    }

    private Task GoToAsync(int page) => _pager.GoTo(page) ? ReloadAsync() : Task.CompletedTask;

    private Task JumpOnEnterAsync(KeyboardEventArgs e) => e.Key == "Enter" ? JumpAsync() : Task.CompletedTask;

    private async Task JumpAsync()
    {
        if (_jumpTo is { } page)
        {
            await GoToAsync(page);
            _jumpTo = null;
        }
    }

    private async Task NewAsync()
    {
        if (await RecordEditorDialog.OpenAsync(Dialogs, L["Records.New"], NamespaceId, existing: null))
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(KvRecord record)
    {
        if (await RecordEditorDialog.OpenAsync(Dialogs, L["Records.Edit", record.DisplayKey], NamespaceId, record))
        {
            await ReloadAsync();
        }
    }

    private Task ViewAsync(KvRecord record) => RecordViewerDialog.OpenAsync(Dialogs, record.DisplayKey, NamespaceId, record);

    private async Task DeleteAsync(KvRecord record)
    {
        if (await ConfirmAsync(L["Records.Delete.Confirm", record.DisplayKey], L["Common.Delete"], L["Common.Delete"])
            && await ChangeAsync(() => Records.DeleteAsync(Caller, NamespaceId, record.Key), L["Records.Deleted", 1]))
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteSelectedAsync()
    {
        var keys = _selected.Select(record => record.Key).ToList();
        if (await ConfirmAsync(L["Records.DeleteSelected.Confirm", keys.Count], L["Common.Delete"], L["Common.Delete"])
            && await ChangeAsync(() => Records.DeleteManyAsync(Caller, NamespaceId, keys), L["Records.Deleted", keys.Count]))
        {
            _selected.Clear();
            await ReloadAsync();
        }
    }
}
