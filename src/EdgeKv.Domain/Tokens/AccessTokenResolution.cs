namespace EdgeKv.Domain.Tokens;

/// <summary>
/// The answer of <see cref="AccessTokenService.ResolveAsync"/>: either access to one namespace's engine store
/// (<see cref="StoreId"/>), writable or not, or a <see cref="Denial"/>.
/// </summary>
/// <param name="Denial">Why nothing was granted; <see cref="AccessTokenDenial.None"/> when granted.</param>
/// <param name="AccessTokenId">The token that was used, when one was found.</param>
/// <param name="NamespaceId">The namespace reached, when granted.</param>
/// <param name="StoreId">The namespace's engine store id, when granted.</param>
/// <param name="CanWrite">True when the token may write there now.</param>
public sealed record AccessTokenResolution(AccessTokenDenial Denial, int? AccessTokenId, int? NamespaceId, string? StoreId, bool CanWrite)
{
    /// <summary>True when access was granted.</summary>
    public bool IsGranted => Denial == AccessTokenDenial.None;

    /// <summary>The user who owns the token (and so the account it acts for), when granted.</summary>
    public string? OwnerUserId { get; init; }

    /// <summary>
    /// Ends when this answer stops being true (the token is revoked or expires, its scope or its owner's account
    /// changes): whatever stays open on the strength of it, such as a watch stream, ends with it.
    /// </summary>
    public CancellationToken Lifetime { get; init; }

    /// <summary>Access to the namespace's store.</summary>
    public static AccessTokenResolution Granted(int accessTokenId, int namespaceId, string storeId, bool canWrite) =>
        new(AccessTokenDenial.None, accessTokenId, namespaceId, storeId, canWrite);

    /// <summary>No access, for <paramref name="denial"/>.</summary>
    public static AccessTokenResolution Denied(AccessTokenDenial denial, int? accessTokenId = null) =>
        denial == AccessTokenDenial.None
            ? throw new ArgumentOutOfRangeException(nameof(denial))
            : new(denial, accessTokenId, null, null, false);
}
