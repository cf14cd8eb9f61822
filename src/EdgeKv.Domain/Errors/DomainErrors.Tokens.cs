namespace EdgeKv.Domain.Errors;

public static partial class DomainErrors
{
    /// <summary>A token name that is blank, longer than 64 characters or has control characters.</summary>
    public static DomainError InvalidTokenName { get; } = new(
        "token.invalid_name",
        "A token name is 1 to 64 characters, without control characters.");

    /// <summary>A token with no namespace in its scope.</summary>
    public static DomainError TokenScopeEmpty { get; } = new(
        "token.scope_empty",
        "Choose at least one namespace for the token, or all namespaces of your account.");

    /// <summary>A token asked for all namespaces and for chosen ones at once.</summary>
    public static DomainError TokenScopeConflict { get; } = new(
        "token.scope_conflict",
        "A token covers either all namespaces of your account or the ones you choose, not both.");

    /// <summary>A permission that is neither read-only nor read-write.</summary>
    public static DomainError InvalidTokenPermission { get; } = new("token.invalid_permission", "A token is either read-only or read-write.");

    /// <summary>An expiry that is not in the future.</summary>
    public static DomainError TokenExpiryNotInFuture { get; } = new("token.expiry_not_in_future", "A token's expiry must be in the future.");

    /// <summary>The user holds the most live tokens; {0} is the limit.</summary>
    public static DomainError TokenLimitReached { get; } = new(
        "token.limit_reached",
        "Token limit reached ({0} per user): revoke the tokens you no longer use.");

    /// <summary>A token id that names no token (or one the caller may not see).</summary>
    public static DomainError TokenNotFound { get; } = new("token.not_found", "Access token not found.");

    /// <summary>Revoking a token that is already revoked.</summary>
    public static DomainError TokenAlreadyRevoked { get; } = new("token.already_revoked", "This access token is already revoked.");
}
