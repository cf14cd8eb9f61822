namespace EdgeKv.Api.Access;

/// <summary>
/// The messages of token refusals, shared by every API that authorizes through <see cref="IKvAccessResolver"/>
/// (KV Connect answers them as text, the HTTP API inside its JSON error), so a refusal reads the same everywhere.
/// </summary>
public static class KvAccessErrors
{
    /// <summary>No usable Authorization header.</summary>
    public const string MissingBearerToken = "Missing or malformed Authorization header: expected 'Bearer <access token>'.";

    /// <summary>An unknown, expired or revoked token.</summary>
    public const string InvalidAccessToken = "Invalid access token: it is unknown, expired or revoked.";

    /// <summary>A valid token of another namespace.</summary>
    public const string TokenForOtherNamespace = "This access token is not valid for this namespace.";

    /// <summary>A namespace that does not exist.</summary>
    public const string NamespaceNotFound = "Namespace not found.";

    /// <summary>A watch past the open-stream limit of its token or account (<see cref="Watching.KvWatchLimits"/>).</summary>
    public const string TooManyWatchStreams = "Too many open watch streams for this access token or its account; close one before opening another.";

    /// <summary>A read-only token used to write.</summary>
    public const string ReadOnlyToken = "This access token is read-only: it cannot write to this namespace. Nothing was changed.";

    /// <summary>A token scoped to chosen namespaces used for an account-level operation.</summary>
    public const string AccountScopeRequired = "This access token is scoped to chosen namespaces: listing, creating, renaming and deleting namespaces needs a token over all namespaces of your account.";

    /// <summary>A read-only token used to change the account's namespaces.</summary>
    public const string ReadOnlyAccountToken = "This access token is read-only: it cannot create, rename or delete namespaces. Nothing was changed.";
}
