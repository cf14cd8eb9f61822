namespace EdgeKv.Domain.Tokens;

/// <summary>An access token as the console lists it: everything but the secret, which is never shown again.</summary>
/// <param name="Id">Database id.</param>
/// <param name="OwnerUserId">The owner.</param>
/// <param name="OwnerEmail">The owner's e-mail (admins see every owner's tokens).</param>
/// <param name="Name">The token's name.</param>
/// <param name="Prefix">The first characters of the secret, to recognise it by.</param>
/// <param name="Permission">Read-only or read-write.</param>
/// <param name="AllNamespaces">True when it covers every namespace of the owner's account.</param>
/// <param name="Namespaces">The chosen namespaces that still exist, by name (empty with <paramref name="AllNamespaces"/>).</param>
/// <param name="Status">Active, expired or revoked, when listed.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="ExpiresAt">When it expires (UTC), or null.</param>
/// <param name="LastUsedAt">When a program last used it (UTC, up to a few seconds late: uses are written in batches), or null.</param>
/// <param name="ReadCount">Requests that read through it.</param>
/// <param name="WriteCount">Requests that wrote through it.</param>
/// <param name="BytesWritten">Bytes of values written through it.</param>
/// <param name="BytesRead">Bytes of values read through it (returned to its caller; see <see cref="AccessTokenUsage.RecordBytesRead"/>).</param>
/// <param name="RevokedAt">When it was revoked (UTC), or null.</param>
/// <param name="RevokedBy">Who revoked it, or null.</param>
public sealed record AccessTokenView(
    int Id,
    string OwnerUserId,
    string? OwnerEmail,
    string Name,
    string Prefix,
    AccessTokenPermission Permission,
    bool AllNamespaces,
    IReadOnlyList<AccessTokenScopeItem> Namespaces,
    AccessTokenStatus Status,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? LastUsedAt,
    long ReadCount,
    long WriteCount,
    long BytesWritten,
    long BytesRead,
    DateTime? RevokedAt,
    string? RevokedBy)
{
    /// <summary>True when the token grants nothing because no namespace is left in its chosen scope.</summary>
    public bool GrantsNothing => !AllNamespaces && Namespaces.Count == 0;
}
