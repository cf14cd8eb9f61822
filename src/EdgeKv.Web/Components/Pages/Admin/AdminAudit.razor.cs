using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Identity;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>审计日志: every recorded change, newest first, a page at a time, with the actor's e-mail.</summary>
public sealed partial class AdminAudit
{
    private const int PageSize = 50;
    private IReadOnlyList<AuditEntry>? _entries;
    private Dictionary<string, string?> _emails = [];
    private string? _error;
    private int _skip;

    [Inject]
    private AuditLogService AuditLog { get; set; } = default!;

    [Inject]
    private UserManager<ApplicationUser> Users { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _entries = await AuditLog.ListAsync(await CallerSource.GetAsync(), new AuditQuery(Skip: _skip, Take: PageSize));
            var actorIds = _entries.Select(entry => entry.ActorUserId).Distinct().ToList();
            _emails = await Users.Users.Where(user => actorIds.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.Email);
            _error = null;
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }

    // Actions are stable codes (AuditActions); an action without a translation shows its code.
    private string ActionText(string action)
    {
        var text = L["Audit." + action];
        return text.ResourceNotFound ? action : text.Value;
    }

    private Task NextAsync()
    {
        _skip += PageSize;
        return LoadAsync();
    }

    private Task PreviousAsync()
    {
        _skip = Math.Max(0, _skip - PageSize);
        return LoadAsync();
    }
}
