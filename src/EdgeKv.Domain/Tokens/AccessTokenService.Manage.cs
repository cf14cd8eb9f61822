using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tokens;

public sealed partial class AccessTokenService
{
    /// <summary>
    /// The caller's tokens, newest first, revoked and expired ones included; an admin gets every user's (each with its
    /// owner), or those of <paramref name="ownerUserId"/>. A user passing another owner still gets only their own.
    /// </summary>
    public async Task<IReadOnlyList<AccessTokenView>> ListAsync(Caller caller, string? ownerUserId = null, CancellationToken cancellationToken = default)
    {
        var owner = caller.IsAdmin ? ownerUserId : caller.UserId;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await ToViewsAsync(db, db.AccessTokens.Where(t => owner == null || t.OwnerUserId == owner), cancellationToken);
    }

    /// <summary>One token the caller may reach (theirs; any for an admin); otherwise <see cref="DomainErrors.TokenNotFound"/>.</summary>
    public async Task<AccessTokenView> GetAsync(Caller caller, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var views = await ToViewsAsync(
            db,
            db.AccessTokens.Where(t => t.Id == tokenId && (caller.IsAdmin || t.OwnerUserId == caller.UserId)),
            cancellationToken);
        return views.Count == 1 ? views[0] : throw DomainErrors.TokenNotFound.ToException();
    }

    /// <summary>
    /// Revokes a token: the next request that presents it is refused. Its owner may revoke it (even while their account
    /// is suspended: taking access away is always allowed); an admin may revoke anyone's. Refused for a token already
    /// revoked (<see cref="DomainErrors.TokenAlreadyRevoked"/>).
    /// </summary>
    public async Task<AccessTokenView> RevokeAsync(Caller caller, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null || !caller.CanReach(token.OwnerUserId))
        {
            throw DomainErrors.TokenNotFound.ToException();
        }

        if (token.RevokedAt is not null)
        {
            throw DomainErrors.TokenAlreadyRevoked.ToException();
        }

        var now = Now;
        token.RevokedAt = now;
        token.RevokedBy = caller.UserId;
        AuditTrail.Add(db, caller, AuditActions.TokenRevoked, AuditTargets.AccessToken, token.Id, token.OwnerUserId, Describe(token), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.TokenRevoked, caller, token.OwnerUserId, token.Id);
        return (await ToViewsAsync(db, db.AccessTokens.Where(t => t.Id == token.Id), cancellationToken)).Single();
    }
}
