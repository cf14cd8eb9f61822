using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Accounts;

public sealed partial class AccountApplicationService
{
    /// <summary>
    /// Admins: approves a pending application (optional note). Refused with <see cref="DomainErrors.NoPlacesLeft"/>
    /// while every place is taken: the application then stays pending. Sets the account's engine budget.
    /// </summary>
    public async Task<AccountView> ApproveAsync(Caller caller, int accountId, string? reason = null, CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        var normalizedReason = AccountRules.NormalizeReason(reason);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await FindForDecisionAsync(db, caller, accountId, cancellationToken);
        if (account.Status != KvAccountStatus.Pending)
        {
            throw DomainErrors.NotPending.ToException();
        }

        // Counted inside the transaction (BEGIN IMMEDIATE), so two approvals cannot both take the last place.
        var settings = await db.PlatformSettings.SingleAsync(s => s.Id == PlatformSettings.SingletonId, cancellationToken);
        if (settings.MaxApprovedAccounts is { } max && await CountTakenPlacesAsync(db, cancellationToken) >= max)
        {
            throw DomainErrors.NoPlacesLeft.With(max).ToException();
        }

        await _registry.SetBudgetAsync(account.BudgetGroup, account.CapacityBytes, cancellationToken);
        await DecideAsync(db, caller, account, KvAccountStatus.Approved, AuditActions.AccountApproved, normalizedReason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.AccountApproved, caller, account);
        return await ToViewAsync(db, account.Id, cancellationToken);
    }

    /// <summary>Admins: rejects a pending application with a reason the user sees. The user may apply again.</summary>
    public async Task<AccountView> RejectAsync(Caller caller, int accountId, string reason, CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        var requiredReason = AccountRules.RequireReason(reason);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await FindForDecisionAsync(db, caller, accountId, cancellationToken);
        if (account.Status != KvAccountStatus.Pending)
        {
            throw DomainErrors.NotPending.ToException();
        }

        await DecideAsync(db, caller, account, KvAccountStatus.Rejected, AuditActions.AccountRejected, requiredReason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.AccountRejected, caller, account);
        return await ToViewAsync(db, account.Id, cancellationToken);
    }

    /// <summary>Admins: suspends an approved account with a reason; its data stays readable, writes are refused.</summary>
    public async Task<AccountView> SuspendAsync(Caller caller, int accountId, string reason, CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        var requiredReason = AccountRules.RequireReason(reason);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await FindForDecisionAsync(db, caller, accountId, cancellationToken);
        if (account.Status != KvAccountStatus.Approved)
        {
            throw DomainErrors.NotApproved.ToException();
        }

        await DecideAsync(db, caller, account, KvAccountStatus.Suspended, AuditActions.AccountSuspended, requiredReason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.AccountSuspended, caller, account);
        return await ToViewAsync(db, account.Id, cancellationToken);
    }

    /// <summary>Admins: reinstates a suspended account (optional note). It kept its place, so no place is needed.</summary>
    public async Task<AccountView> ReinstateAsync(Caller caller, int accountId, string? reason = null, CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        var normalizedReason = AccountRules.NormalizeReason(reason);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await FindForDecisionAsync(db, caller, accountId, cancellationToken);
        if (account.Status != KvAccountStatus.Suspended)
        {
            throw DomainErrors.NotSuspended.ToException();
        }

        await DecideAsync(db, caller, account, KvAccountStatus.Approved, AuditActions.AccountReinstated, normalizedReason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.AccountReinstated, caller, account);
        return await ToViewAsync(db, account.Id, cancellationToken);
    }

    private async Task DecideAsync(
        Data.EdgeKvDbContext db,
        Caller caller,
        KvAccount account,
        KvAccountStatus status,
        string action,
        string? reason,
        CancellationToken cancellationToken)
    {
        var now = Now;
        account.Status = status;
        account.DecisionReason = reason;
        account.DecidedAt = now;
        AuditTrail.Add(db, caller, action, AuditTargets.Account, account.Id, account.UserId, reason, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
