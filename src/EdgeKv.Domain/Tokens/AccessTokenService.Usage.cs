using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Tokens;

public sealed partial class AccessTokenService
{
    /// <summary>
    /// Records a granted use, so every use is attributable without every read writing to the admin database:
    /// a write is audited every time (<see cref="AuditActions.TokenWrite"/>), before it is applied, so even a write that
    /// then fails shows as an attempt; reads are sampled (<see cref="AuditActions.TokenRead"/>, the first per token per
    /// <see cref="AccessToken.ReadAuditInterval"/>); <see cref="AccessToken.LastUsedAt"/> moves at most once per
    /// <see cref="AccessToken.LastUsedPrecision"/>. Most reads therefore write nothing. The updates are conditional,
    /// so concurrent requests of one token record one sample and one LastUsedAt per interval between them. The target is
    /// the namespace reached, or the account for an account-level use (<see cref="ResolveAccountAsync"/>).
    /// </summary>
    private async Task RecordUseAsync(
        EdgeKvDbContext db, AccessToken token, string targetType, int targetId, bool writes, DateTime now, CancellationToken cancellationToken)
    {
        var lastUsedDue = now - AccessToken.LastUsedPrecision;
        var readAuditDue = now - AccessToken.ReadAuditInterval;
        var touchLastUsed = token.LastUsedAt is not { } lastUsed || lastUsed <= lastUsedDue;
        var sampleRead = !writes && (token.LastReadAuditedAt is not { } lastAudited || lastAudited <= readAuditDue);
        if (!writes && !touchLastUsed && !sampleRead)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (touchLastUsed)
        {
            await db.AccessTokens
                .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= lastUsedDue))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        var audit = writes;
        if (sampleRead)
        {
            // Only the request that moves the sample's clock records the read.
            audit = await db.AccessTokens
                .Where(t => t.Id == token.Id && (t.LastReadAuditedAt == null || t.LastReadAuditedAt <= readAuditDue))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastReadAuditedAt, now), cancellationToken) == 1;
        }

        if (audit)
        {
            var owner = new Caller(token.OwnerUserId, IsAdmin: false);
            var action = writes ? AuditActions.TokenWrite : AuditActions.TokenRead;
            AuditTrail.Add(db, owner, action, targetType, targetId, token.OwnerUserId, Describe(token), now, token.Id);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
