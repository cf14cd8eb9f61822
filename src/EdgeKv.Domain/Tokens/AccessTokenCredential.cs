using System.Collections.Frozen;
using EdgeKv.Domain.Accounts;

namespace EdgeKv.Domain.Tokens;

/// <summary>
/// What one access token is, as <see cref="AccessTokenDirectory"/> keeps it in memory: the token's row, its chosen
/// namespaces and its owner's account, read together. Immutable: a change to any of them replaces the credential and
/// ends the old one's <see cref="Lifetime"/>, so streams opened with it close.
/// </summary>
public sealed class AccessTokenCredential
{
    private readonly CancellationTokenSource _lifetime;

    internal AccessTokenCredential(AccessToken token, IEnumerable<int> namespaceIds, int? accountId, KvAccountStatus? accountStatus, CancellationTokenSource lifetime)
    {
        Id = token.Id;
        OwnerUserId = token.OwnerUserId;
        Permission = token.Permission;
        AllNamespaces = token.AllNamespaces;
        NamespaceIds = namespaceIds.ToFrozenSet();
        ExpiresAt = token.ExpiresAt;
        Revoked = token.RevokedAt is not null;
        AccountId = accountId;
        AccountStatus = accountStatus;
        _lifetime = lifetime;
    }

    /// <summary>The token's id.</summary>
    public int Id { get; }

    /// <summary>The user the token acts as.</summary>
    public string OwnerUserId { get; }

    /// <summary>Read-only or read-write.</summary>
    public AccessTokenPermission Permission { get; }

    /// <summary>Whether the token covers every namespace of its owner's account.</summary>
    public bool AllNamespaces { get; }

    /// <summary>The chosen namespaces, when not <see cref="AllNamespaces"/>.</summary>
    public IReadOnlySet<int> NamespaceIds { get; }

    /// <summary>When the token stops working, if ever.</summary>
    public DateTime? ExpiresAt { get; }

    /// <summary>Whether the token was revoked.</summary>
    public bool Revoked { get; }

    /// <summary>The owner's KV account, when they have one.</summary>
    public int? AccountId { get; }

    /// <summary>The owner's account status when the credential was read.</summary>
    public KvAccountStatus? AccountStatus { get; }

    /// <summary>
    /// Cancelled when this credential stops being the truth: the token is revoked or expires, its scope or its owner's
    /// account changes. Whatever was opened with the credential (a watch stream) ends with it.
    /// </summary>
    public CancellationToken Lifetime => _lifetime.Token;

    /// <summary>Whether the token works at <paramref name="now"/>: not revoked, not expired, its owner's account open.</summary>
    public bool IsActiveAt(DateTime now) =>
        !Revoked
        && (ExpiresAt is not { } expiresAt || expiresAt > now)
        && AccountStatus is KvAccountStatus.Approved or KvAccountStatus.Suspended;

    /// <summary>Whether the token may write: read-write, and its owner's account approved (a suspended one only reads).</summary>
    public bool CanWrite => Permission == AccessTokenPermission.ReadWrite && AccountStatus == KvAccountStatus.Approved;

    /// <summary>Whether <paramref name="target"/> is in scope: a namespace of the owner's own account, chosen or covered.</summary>
    public bool Covers(AccessTokenTarget target) =>
        string.Equals(target.OwnerUserId, OwnerUserId, StringComparison.Ordinal)
        && (AllNamespaces || NamespaceIds.Contains(target.NamespaceId));

    /// <summary>Ends <see cref="Lifetime"/>; the directory does it when it drops the credential.</summary>
    internal void End()
    {
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended and released.
        }
    }
}
