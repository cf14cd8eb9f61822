using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Accounts;

public sealed partial class AccountApplicationService
{
    /// <summary>
    /// The caller applies for a KV account (first time, or again after a rejection), with an optional reason.
    /// Refused while pending (<see cref="DomainErrors.AlreadyPending"/>) or open (<see cref="DomainErrors.AlreadyOpen"/>).
    /// </summary>
    public async Task<AccountView> ApplyAsync(Caller caller, string? reason, CancellationToken cancellationToken = default)
    {
        var normalizedReason = AccountRules.NormalizeReason(reason);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Two applications at once (two tabs, two nodes) find the state the other left, not the same old one.
        await db.LockAccountAsync(caller.UserId, cancellationToken);

        if (!await db.Users.AnyAsync(user => user.Id == caller.UserId, cancellationToken))
        {
            throw DomainErrors.UserNotFound.ToException();
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserId == caller.UserId, cancellationToken);
        switch (account?.Status)
        {
            case KvAccountStatus.Pending:
                throw DomainErrors.AlreadyPending.ToException();
            case KvAccountStatus.Approved or KvAccountStatus.Suspended:
                throw DomainErrors.AlreadyOpen.ToException();
        }

        var now = Now;
        if (account is null)
        {
            account = new KvAccount { UserId = caller.UserId, CreatedAt = now };
            db.Accounts.Add(account);
        }

        account.Status = KvAccountStatus.Pending;
        account.ApplicationReason = normalizedReason;
        account.AppliedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        AuditTrail.Add(db, caller, AuditActions.AccountApplied, AuditTargets.Account, account.Id, account.UserId, normalizedReason, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.AccountApplied, caller, account);
        return await ToViewAsync(db, account.Id, cancellationToken);
    }
}
