using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Tokens;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Tokens;

/// <summary>
/// The access tokens a person may manage — their own, or with <see cref="AllOwners"/> (admins) everyone's with the
/// owner — and 撤销 behind a confirmation. Live: reloads on <see cref="DomainEventKind.TokenCreated"/> and
/// <see cref="DomainEventKind.TokenRevoked"/> of the tokens it shows. Never holds a secret.
/// </summary>
public sealed partial class TokenList
{
    private Caller _caller = default!;
    private IReadOnlyList<AccessTokenView>? _tokens;
    private string? _error;
    private LiveFeed? _events;

    /// <summary>True on the admin page: every owner's tokens (the domain still decides what the caller may see).</summary>
    [Parameter]
    public bool AllOwners { get; set; }

    [Inject]
    private AccessTokenService Tokens { get; set; } = default!;

    [Inject]
    private IDomainEvents Events { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    /// <summary>Reloads the list (after a token was created on the page).</summary>
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
    }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _caller = await CallerSource.GetAsync();
        _events = LiveFeed.Start(Events.Subscribe, OnDomainEventAsync);
        await LoadAsync();
    }

    private Task OnDomainEventAsync(DomainEvent domainEvent) =>
        domainEvent.Kind is DomainEventKind.TokenCreated or DomainEventKind.TokenRevoked
        && (AllOwners || domainEvent.OwnerUserId == _caller.UserId)
            ? InvokeAsync(ReloadAsync)
            : Task.CompletedTask;

    private async Task LoadAsync()
    {
        try
        {
            // A user's list is their own whatever is asked; an admin's own page shows only theirs too.
            _tokens = await Tokens.ListAsync(_caller, AllOwners ? null : _caller.UserId);
            _error = null;
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }

    private async Task RevokeAsync(AccessTokenView token)
    {
        var options = new ConfirmOptions { OkButtonText = L["Tokens.Revoke"], CancelButtonText = L["Common.Cancel"] };
        if (await Dialogs.Confirm(L["Tokens.Revoke.Confirm", token.Name], L["Tokens.Revoke"], options) != true)
        {
            return;
        }

        try
        {
            await Tokens.RevokeAsync(_caller, token.Id);
            await LoadAsync();
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
    }

    private string ScopeText(AccessTokenView token) =>
        token.AllNamespaces ? L["Tokens.AllNamespaces"]
        : token.GrantsNothing ? L["Tokens.NoNamespaceLeft"]
        : string.Join(", ", token.Namespaces.Select(ns => ns.Name));

    private string PermissionText(AccessTokenPermission permission) =>
        permission == AccessTokenPermission.ReadWrite ? L["Tokens.ReadWrite"] : L["Tokens.ReadOnly"];

    private string StatusText(AccessTokenStatus status) => status switch
    {
        AccessTokenStatus.Active => L["Tokens.Status.Active"],
        AccessTokenStatus.Expired => L["Tokens.Status.Expired"],
        _ => L["Tokens.Status.Revoked"],
    };
}
