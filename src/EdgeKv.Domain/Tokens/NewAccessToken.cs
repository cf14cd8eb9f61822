namespace EdgeKv.Domain.Tokens;

/// <summary>What a user asks for when creating an access token.</summary>
/// <param name="Name">1..<see cref="AccessToken.MaxNameLength"/> characters (trimmed), no control characters.</param>
/// <param name="NamespaceIds">
/// The namespaces it covers: at least one, each of the caller's own account. Leave empty with
/// <paramref name="AllNamespaces"/>.
/// </param>
/// <param name="Permission">Read-only or read-write.</param>
/// <param name="ExpiresAt">When it stops working (UTC, in the future); null for never.</param>
/// <param name="AllNamespaces">Cover every namespace of the caller's account, including ones created later.</param>
public sealed record NewAccessToken(
    string Name,
    IReadOnlyList<int> NamespaceIds,
    AccessTokenPermission Permission,
    DateTime? ExpiresAt = null,
    bool AllNamespaces = false);
