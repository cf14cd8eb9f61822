using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Events;
using EdgeKv.Web.Components.Pages.Admin.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>
/// 审计日志: every recorded change, newest first, as sentences in the console's language with links to the objects
/// that still exist; filtered by action and by e-mail, read from the database a page at a time with the total count,
/// times in the browser's time zone.
/// </summary>
public sealed partial class AdminAudit
{
    // MudSelect shows its value's item; null would show nothing, so "all" is a value of its own.
    private const string AllActions = "";

    private MudTable<AuditEntry>? _table;
    private AuditSubjects _subjects = AuditSubjects.None;
    private BrowserClock _clock = BrowserClock.Utc;
    private string _email = "";
    private string _action = AllActions;
    private int _total;

    [Inject]
    private AuditLogService AuditLog { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private bool Filtered => _email.Length > 0 || _action.Length > 0;

    // The log is read on demand (refresh, paging, filters): entries arrive with most changes, and a page that moved
    // under the reader would lose their place.
    protected override bool Concerns(DomainEvent domainEvent) => false;

    protected override Task LoadDataAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _clock = await BrowserClock.ReadAsync(JS);
            StateHasChanged();
        }
    }

    private async Task<TableData<AuditEntry>> ReadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var query = new AuditQuery(
                Skip: state.Page * state.PageSize,
                Take: state.PageSize,
                Actions: _action.Length > 0 ? [_action] : null,
                Email: _email.Length > 0 ? _email : null);
            var entries = await AuditLog.ListAsync(Caller, query, cancellationToken);
            _total = await AuditLog.CountAsync(Caller, query, cancellationToken);
            _subjects = await AuditLog.DescribeAsync(Caller, [.. entries], cancellationToken);
            LoadError = null;
            return new TableData<AuditEntry> { Items = entries, TotalItems = _total };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LoadError = Errors.For(exception);
            return new TableData<AuditEntry> { Items = [], TotalItems = 0 };
        }
    }

    private Task SearchAsync(string email)
    {
        _email = email;
        return FirstPageAsync();
    }

    private Task FilterAsync(string action)
    {
        _action = action ?? AllActions;
        return FirstPageAsync();
    }

    private Task ClearFiltersAsync()
    {
        _email = "";
        _action = AllActions;
        return FirstPageAsync();
    }

    // A new filter starts from its first page; NavigateTo reloads when the page changes, ReloadServerData when it does not.
    private Task FirstPageAsync()
    {
        if (_table is null)
        {
            return Task.CompletedTask;
        }

        if (_table.CurrentPage != 0)
        {
            _table.NavigateTo(0);
            return Task.CompletedTask;
        }

        return _table.ReloadServerData();
    }
}
