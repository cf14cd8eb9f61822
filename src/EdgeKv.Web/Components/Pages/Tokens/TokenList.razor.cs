using System.Globalization;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Tokens;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Tokens;

/// <summary>
/// The access tokens a person may manage — their own, or with <see cref="AllOwners"/> (admins) everyone's with the
/// owner — searched by name or prefix on Enter, and 撤销 behind a confirmation. Live: reloads on
/// <see cref="DomainEventKind.TokenCreated"/> and <see cref="DomainEventKind.TokenRevoked"/> of the tokens it shows.
/// Never holds a secret.
/// </summary>
public sealed partial class TokenList
{
    private static readonly int[] PageSizes = [25, 50, 100];

    private IReadOnlyList<AccessTokenView>? _tokens;

    // What is typed, and what the list is filtered by: the search runs on Enter, not on every key.
    private string? _searchInput;
    private string _search = "";

    /// <summary>True on the admin page: every owner's tokens (the domain still decides what the caller may see).</summary>
    [Parameter]
    public bool AllOwners { get; set; }

    /// <summary>The empty list's call to action (创建令牌 on the user's page); none on the admin's.</summary>
    [Parameter]
    public RenderFragment? EmptyAction { get; set; }

    [Inject]
    private AccessTokenService Tokens { get; set; } = default!;

    protected override bool Concerns(DomainEvent domainEvent) =>
        domainEvent.Kind is DomainEventKind.TokenCreated or DomainEventKind.TokenRevoked
        && (AllOwners || domainEvent.OwnerUserId == Caller.UserId);

    // A user's list is their own whatever is asked; an admin's own page shows only theirs too.
    protected override async Task LoadDataAsync() => _tokens = await Tokens.ListAsync(Caller, AllOwners ? null : Caller.UserId);

    private bool Matches(AccessTokenView token) =>
        token.Name.Contains(_search, StringComparison.OrdinalIgnoreCase)
        || token.Prefix.StartsWith(_search, StringComparison.Ordinal)
        || (AllOwners && token.OwnerEmail?.Contains(_search, StringComparison.OrdinalIgnoreCase) == true);

    private void SearchOnEnter(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            _search = _searchInput?.Trim() ?? "";
        }
    }

    private void ClearSearch(MouseEventArgs e) => _search = "";

    private async Task RevokeAsync(AccessTokenView token)
    {
        if (await ConfirmAsync(L["Tokens.Revoke.Confirm", token.Name], L["Tokens.Revoke"], L["Tokens.Revoke"])
            && await ChangeAsync(() => Tokens.RevokeAsync(Caller, token.Id), L["Tokens.Revoked", token.Name]))
        {
            await LoadAsync();
        }
    }

    private string ScopeText(AccessTokenView token) =>
        token.AllNamespaces ? L["Tokens.AllNamespaces"]
        : token.GrantsNothing ? L["Tokens.NoNamespaceLeft"]
        : string.Join(", ", token.Namespaces.Select(ns => ns.Name));

    private string PermissionText(AccessTokenPermission permission) =>
        permission == AccessTokenPermission.ReadWrite ? L["Tokens.ReadWrite"] : L["Tokens.ReadOnly"];

    // Counted in memory and written every few seconds, so they trail a busy program by that much. Split at its " · "
    // so a narrow column breaks the line only between parts, never inside "写入数据 2 B". Bytes read sit beside bytes
    // written, in the same format.
    private string[] UsesParts(AccessTokenView token) =>
        L["Tokens.Uses", token.ReadCount.ToString("N0", CultureInfo.CurrentCulture), token.WriteCount.ToString("N0", CultureInfo.CurrentCulture),
            DisplayFormat.Bytes(token.BytesWritten), DisplayFormat.Bytes(token.BytesRead)].Value.Split(" · ");

    private string StatusText(AccessTokenStatus status) => status switch
    {
        AccessTokenStatus.Active => L["Tokens.Status.Active"],
        AccessTokenStatus.Expired => L["Tokens.Status.Expired"],
        _ => L["Tokens.Status.Revoked"],
    };

    private static Color StatusColor(AccessTokenStatus status) => status switch
    {
        AccessTokenStatus.Active => Color.Success,
        AccessTokenStatus.Expired => Color.Warning,
        _ => Color.Default,
    };
}
