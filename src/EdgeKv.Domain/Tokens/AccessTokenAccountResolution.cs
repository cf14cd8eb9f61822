using EdgeKv.Domain.Authorization;

namespace EdgeKv.Domain.Tokens;

/// <summary>
/// The answer of <see cref="AccessTokenService.ResolveAccountAsync"/>: the <see cref="Caller"/> a token acts as for
/// account-level operations (its owner, never an admin), or a <see cref="Denial"/>.
/// </summary>
/// <param name="Denial">Why nothing was granted; <see cref="AccessTokenDenial.None"/> when granted.</param>
/// <param name="AccessTokenId">The token that was used, when one was found.</param>
/// <param name="Caller">The token's owner as a non-admin caller, when granted.</param>
/// <param name="CanWrite">True when the token is read-write (the domain still applies the account's rules).</param>
public sealed record AccessTokenAccountResolution(AccessTokenDenial Denial, int? AccessTokenId, Caller? Caller, bool CanWrite)
{
    /// <summary>True when access was granted.</summary>
    public bool IsGranted => Denial == AccessTokenDenial.None;

    /// <summary>The token acts as <paramref name="caller"/>.</summary>
    public static AccessTokenAccountResolution Granted(int accessTokenId, Caller caller, bool canWrite) =>
        new(AccessTokenDenial.None, accessTokenId, caller, canWrite);

    /// <summary>No access, for <paramref name="denial"/>.</summary>
    public static AccessTokenAccountResolution Denied(AccessTokenDenial denial, int? accessTokenId = null) =>
        denial == AccessTokenDenial.None
            ? throw new ArgumentOutOfRangeException(nameof(denial))
            : new(denial, accessTokenId, null, false);
}
