using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Tokens;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Tokens;

/// <summary>
/// 新建访问令牌: a name, the namespaces (chosen, or all of the account's), read-only or read-write, an optional expiry.
/// On success the dialog shows the secret — the only time it exists outside the program — and closes with the
/// <see cref="AccessTokenView"/> (no secret) when the person confirms they saved it.
/// </summary>
public sealed partial class CreateTokenDialog
{
    private Caller _caller = default!;
    private IReadOnlyList<NamespaceView> _namespaces = [];
    private string _name = "";
    private bool _allNamespaces;
    private IReadOnlyCollection<int> _namespaceIds = new HashSet<int>();
    private AccessTokenPermission _permission = AccessTokenPermission.ReadOnly;
    private DateTime? _expiresAt;
    private CreatedAccessToken? _created;
    private string? _error;
    private bool _busy;

    [Inject]
    private AccessTokenService Tokens { get; set; } = default!;

    [Inject]
    private NamespaceService Namespaces { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _caller = await CallerSource.GetAsync();
        try
        {
            _namespaces = await Namespaces.ListAsync(_caller, _caller.UserId);
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }

    private string NameOf(int id) => _namespaces.FirstOrDefault(ns => ns.Id == id)?.Name ?? "";

    private async Task CreateAsync()
    {
        // The shape is checked here for a quick answer; the domain checks everything again.
        var namespaceIds = _allNamespaces ? [] : _namespaceIds.ToList();
        _error = string.IsNullOrWhiteSpace(_name) ? Errors.For(DomainErrors.InvalidTokenName)
            : !_allNamespaces && namespaceIds.Count == 0 ? Errors.For(DomainErrors.TokenScopeEmpty)
            : null;
        if (_error is not null)
        {
            return;
        }

        _busy = true;
        try
        {
            // The date picker gives a day: the token works until the end of it (UTC).
            var expiresAt = _expiresAt is { } day ? DateTime.SpecifyKind(day.Date.AddDays(1), DateTimeKind.Utc) : (DateTime?)null;
            _created = await Tokens.CreateAsync(_caller, new NewAccessToken(_name, namespaceIds, _permission, expiresAt, _allNamespaces));
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }
}
