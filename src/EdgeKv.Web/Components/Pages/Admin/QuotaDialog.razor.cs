using EdgeKv.Domain.Accounts;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>An account's capacity (in MB, fractions allowed; stored in bytes) and namespace limit; the domain validates both.</summary>
public sealed partial class QuotaDialog
{
    private const long BytesPerMb = 1024 * 1024;
    private decimal _capacityMb;
    private int _maxNamespaces;

    /// <summary>The account whose quota is edited.</summary>
    [Parameter, EditorRequired]
    public AccountView Account { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    /// <summary>Opens the dialog; the new quota, or null when cancelled.</summary>
    public static async Task<Quota?> AskAsync(MudBlazor.IDialogService dialogs, string title, AccountView account) =>
        await EdgeKv.Web.Components.Shared.ConsoleDialogs.OpenAsync<QuotaDialog>(dialogs, title, new MudBlazor.DialogParameters { [nameof(Account)] = account }) as Quota;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        _capacityMb = Math.Round((decimal)Account.CapacityBytes / BytesPerMb, 2);
        _maxNamespaces = Account.MaxNamespaces;
    }

    // Fractions of a megabyte are allowed, so small test quotas need no huge values to cross.
    // Fractions of a megabyte are allowed, so a small test quota needs no huge value to cross it.
    private void Submit() => Dialogs.Close(new Quota((long)(_capacityMb * BytesPerMb), _maxNamespaces));

    /// <summary>A capacity and a namespace limit.</summary>
    public sealed record Quota(long CapacityBytes, int MaxNamespaces);
}
