using EdgeKv.Domain;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Errors;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Admin;

/// <summary>
/// An account's capacity (in MB, fractions allowed; stored in bytes) and namespace limit. The fields say at once what
/// the domain would refuse, in the domain's own words; the domain checks again when the page saves.
/// </summary>
public sealed partial class QuotaDialog
{
    private const long BytesPerMb = 1024 * 1024;
    private MudForm _form = default!;
    private decimal _capacityMb;
    private int _maxNamespaces;

    /// <summary>The account whose quota is edited.</summary>
    [Parameter, EditorRequired]
    public AccountView Account { get; set; } = default!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    /// <summary>Opens the dialog; the new quota, or null when cancelled.</summary>
    public static async Task<Quota?> AskAsync(IDialogService dialogs, string title, AccountView account) =>
        await dialogs.OpenAsync<QuotaDialog>(title, new DialogParameters<QuotaDialog> { { d => d.Account, account } }) as Quota;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        _capacityMb = Math.Round((decimal)Account.CapacityBytes / BytesPerMb, 2);
        _maxNamespaces = Account.MaxNamespaces;
    }

    // Fractions of a megabyte are allowed, so a small test quota needs no huge value to cross it; what rounds down to
    // no byte at all is refused like zero.
    private static long BytesOf(decimal megabytes) => (long)(megabytes * BytesPerMb);

    private string? CapacityError(decimal megabytes) => BytesOf(megabytes) <= 0 ? Errors.For(DomainErrors.InvalidCapacity) : null;

    private string? NamespacesError(int maxNamespaces) =>
        maxNamespaces is < 1 or > DomainValidation.MaxNamespacesCeiling
            ? Errors.For(DomainErrors.InvalidMaxNamespaces.With(DomainValidation.MaxNamespacesCeiling))
            : null;

    private async Task SubmitAsync()
    {
        await _form.ValidateAsync();
        if (_form.IsValid)
        {
            Dialog.Close(DialogResult.Ok(new Quota(BytesOf(_capacityMb), _maxNamespaces)));
        }
    }

    /// <summary>A capacity and a namespace limit.</summary>
    public sealed record Quota(long CapacityBytes, int MaxNamespaces);
}
