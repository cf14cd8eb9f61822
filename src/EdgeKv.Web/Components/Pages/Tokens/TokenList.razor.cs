using EdgeKv.Domain.Events;
using EdgeKv.Domain.Tokens;
using Microsoft.AspNetCore.Components;

namespace EdgeKv.Web.Components.Pages.Tokens;

/// <summary>
/// The access tokens a person may manage — their own, or with <see cref="AllOwners"/> (admins) everyone's with the
/// owner — and 撤销 behind a confirmation. Live: reloads on <see cref="DomainEventKind.TokenCreated"/> and
/// <see cref="DomainEventKind.TokenRevoked"/> of the tokens it shows. Never holds a secret.
/// </summary>
public sealed partial class TokenList
{
    private IReadOnlyList<AccessTokenView>? _tokens;

    /// <summary>True on the admin page: every owner's tokens (the domain still decides what the caller may see).</summary>
    [Parameter]
    public bool AllOwners { get; set; }

    [Inject]
    private AccessTokenService Tokens { get; set; } = default!;

    protected override bool Concerns(DomainEvent domainEvent) =>
        domainEvent.Kind is DomainEventKind.TokenCreated or DomainEventKind.TokenRevoked
        && (AllOwners || domainEvent.OwnerUserId == Caller.UserId);

    // A user's list is their own whatever is asked; an admin's own page shows only theirs too.
    protected override async Task LoadDataAsync() => _tokens = await Tokens.ListAsync(Caller, AllOwners ? null : Caller.UserId);

    private async Task RevokeAsync(AccessTokenView token)
    {
        if (!await ConfirmAsync(L["Tokens.Revoke.Confirm", token.Name], L["Tokens.Revoke"], L["Tokens.Revoke"]))
        {
            return;
        }

        try
        {
            await Tokens.RevokeAsync(Caller, token.Id);
            await LoadAsync();
        }
        catch (Exception exception)
        {
            LoadError = Errors.For(exception);
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
