using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tokens;

public sealed partial class AccessTokenService
{
    /// <summary>
    /// The <see cref="Caller"/> <paramref name="secret"/> acts as for account-level operations (listing, creating,
    /// renaming and deleting namespaces): its owner, never as an admin. Only a token over all namespaces of its owner's
    /// account qualifies (<see cref="AccessTokenDenial.NamespaceScoped"/> otherwise). Unknown, revoked or expired
    /// tokens, and tokens whose owner's account is neither approved nor suspended, are
    /// <see cref="AccessTokenDenial.InvalidToken"/>. <see cref="AccessTokenAccountResolution.CanWrite"/> is the token's
    /// permission; the services the caller is passed to still apply the account's rules (a suspended account changes
    /// nothing). A granted use is recorded against the account as <see cref="ResolveAsync"/> records namespace uses.
    /// </summary>
    public async Task<AccessTokenAccountResolution> ResolveAccountAsync(
        string? secret,
        AccessTokenUse use,
        CancellationToken cancellationToken = default)
    {
        if (!AccessTokenSecret.IsWellFormed(secret))
        {
            return AccessTokenAccountResolution.Denied(AccessTokenDenial.InvalidToken);
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await FindTokenAsync(db, secret!, cancellationToken);
        var now = Now;
        if (token is null || token.StatusAt(now) != AccessTokenStatus.Active)
        {
            return AccessTokenAccountResolution.Denied(AccessTokenDenial.InvalidToken, token?.Id);
        }

        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.UserId == token.OwnerUserId)
            .Select(a => new { a.Id, a.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null || account.Status is not (KvAccountStatus.Approved or KvAccountStatus.Suspended))
        {
            return AccessTokenAccountResolution.Denied(AccessTokenDenial.InvalidToken, token.Id);
        }

        if (!token.AllNamespaces)
        {
            return AccessTokenAccountResolution.Denied(AccessTokenDenial.NamespaceScoped, token.Id);
        }

        var canWrite = token.Permission == AccessTokenPermission.ReadWrite;
        await RecordUseAsync(db, token, AuditTargets.Account, account.Id, writes: use == AccessTokenUse.Write && canWrite, now, cancellationToken);
        return AccessTokenAccountResolution.Granted(token.Id, new Caller(token.OwnerUserId, IsAdmin: false), canWrite);
    }
}
