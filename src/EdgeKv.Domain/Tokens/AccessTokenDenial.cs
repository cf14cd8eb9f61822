namespace EdgeKv.Domain.Tokens;

/// <summary>Why <see cref="AccessTokenService.ResolveAsync"/> granted nothing.</summary>
public enum AccessTokenDenial
{
    /// <summary>Not denied.</summary>
    None,

    /// <summary>No token has this secret, or it is revoked or expired, or its owner's account is not open.</summary>
    InvalidToken,

    /// <summary>A valid token whose scope does not hold the namespace (another user's, or one not chosen).</summary>
    OutOfScope,

    /// <summary>No namespace has this engine store id.</summary>
    NamespaceNotFound,

    /// <summary>
    /// An account-level use (<see cref="AccessTokenService.ResolveAccountAsync"/>) of a token scoped to chosen
    /// namespaces: only a token over all namespaces of its owner's account acts for the account.
    /// </summary>
    NamespaceScoped,
}
