using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tokens;

public sealed partial class AccessTokenService
{
    /// <summary>
    /// What <paramref name="secret"/> grants on the namespace whose engine store id is
    /// <paramref name="namespaceStoreId"/>, for a program about to <paramref name="use"/> it. Takes no
    /// <see cref="Authorization.Caller"/>: the secret is the credential, and the use is attributed to the token's owner.
    /// Never throws for a bad secret; answers with a denial, checked in this order: the token (unknown, revoked,
    /// expired, or its owner's account not open: <see cref="AccessTokenDenial.InvalidToken"/>), the namespace
    /// (<see cref="AccessTokenDenial.NamespaceNotFound"/>), the scope (<see cref="AccessTokenDenial.OutOfScope"/>).
    /// Writing needs a read-write token and an approved account; a suspended account's tokens read only. A granted
    /// use is recorded before this returns (see <see cref="RecordUseAsync"/>), so no write happens unrecorded.
    /// </summary>
    public async Task<AccessTokenResolution> ResolveAsync(
        string? secret,
        string namespaceStoreId,
        AccessTokenUse use,
        CancellationToken cancellationToken = default)
    {
        // Malformed secrets are refused before touching the database.
        if (!AccessTokenSecret.IsWellFormed(secret))
        {
            return AccessTokenResolution.Denied(AccessTokenDenial.InvalidToken);
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await FindTokenAsync(db, secret!, cancellationToken);
        var now = Now;
        if (token is null || token.StatusAt(now) != AccessTokenStatus.Active)
        {
            return AccessTokenResolution.Denied(AccessTokenDenial.InvalidToken, token?.Id);
        }

        var target = await (
            from ns in db.Namespaces
            join account in db.Accounts on ns.AccountId equals account.Id
            where ns.StoreId == namespaceStoreId
            select new { ns.Id, ns.StoreId, account.UserId, account.Status }).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return AccessTokenResolution.Denied(AccessTokenDenial.NamespaceNotFound, token.Id);
        }

        // In scope: a namespace of the owner's own account, chosen or covered by "all namespaces".
        var inScope = string.Equals(target.UserId, token.OwnerUserId, StringComparison.Ordinal)
            && (token.AllNamespaces
                || await db.AccessTokenNamespaces.AnyAsync(s => s.AccessTokenId == token.Id && s.NamespaceId == target.Id, cancellationToken));
        if (!inScope)
        {
            return AccessTokenResolution.Denied(AccessTokenDenial.OutOfScope, token.Id);
        }

        // The namespace is the owner's, so its account is the owner's account.
        bool canWrite;
        switch (target.Status)
        {
            case KvAccountStatus.Approved:
                canWrite = token.Permission == AccessTokenPermission.ReadWrite;
                break;
            case KvAccountStatus.Suspended:
                canWrite = false;
                break;
            default:
                return AccessTokenResolution.Denied(AccessTokenDenial.InvalidToken, token.Id);
        }

        await RecordUseAsync(db, token, AuditTargets.Namespace, target.Id, writes: use == AccessTokenUse.Write && canWrite, now, cancellationToken);
        return AccessTokenResolution.Granted(token.Id, target.Id, target.StoreId, canWrite) with { OwnerUserId = token.OwnerUserId };
    }

    // The prefix finds the candidates by index; the hash decides, compared in constant time.
    // Every candidate is compared (no early exit), though one prefix almost always has one row.
    private static async Task<AccessToken?> FindTokenAsync(EdgeKvDbContext db, string secret, CancellationToken cancellationToken)
    {
        var prefix = AccessTokenSecret.PrefixOf(secret);
        var hash = AccessTokenSecret.Hash(secret);
        var candidates = await db.AccessTokens.AsNoTracking().Where(t => t.Prefix == prefix).ToListAsync(cancellationToken);
        AccessToken? found = null;
        foreach (var candidate in candidates)
        {
            if (AccessTokenSecret.HashesEqual(candidate.SecretHash, hash))
            {
                found = candidate;
            }
        }

        return found;
    }
}
