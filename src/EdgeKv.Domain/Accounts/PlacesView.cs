namespace EdgeKv.Domain.Accounts;

/// <summary>The platform's places for open accounts (EdgeOne: 开放名额有限).</summary>
/// <param name="MaxApprovedAccounts">The limit; null for unlimited.</param>
/// <param name="TakenPlaces">Accounts holding a place (approved or suspended; admins' own accounts hold none).</param>
public sealed record PlacesView(int? MaxApprovedAccounts, int TakenPlaces)
{
    /// <summary>True while no account can be approved.</summary>
    public bool IsFull => MaxApprovedAccounts is { } max && TakenPlaces >= max;
}
