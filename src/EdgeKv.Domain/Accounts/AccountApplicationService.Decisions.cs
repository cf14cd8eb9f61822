using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Platform;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Accounts;

public sealed partial class AccountApplicationService
{
    private static readonly AccountDecision Approval = new(KvAccountStatus.Pending, DomainErrors.NotPending, KvAccountStatus.Approved, AuditActions.AccountApproved, DomainEventKind.AccountApproved);
    private static readonly AccountDecision Rejection = new(KvAccountStatus.Pending, DomainErrors.NotPending, KvAccountStatus.Rejected, AuditActions.AccountRejected, DomainEventKind.AccountRejected);
    private static readonly AccountDecision Suspension = new(KvAccountStatus.Approved, DomainErrors.NotApproved, KvAccountStatus.Suspended, AuditActions.AccountSuspended, DomainEventKind.AccountSuspended);
    private static readonly AccountDecision Reinstatement = new(KvAccountStatus.Suspended, DomainErrors.NotSuspended, KvAccountStatus.Approved, AuditActions.AccountReinstated, DomainEventKind.AccountReinstated);

    /// <summary>
    /// Admins: approves a pending application (optional note). Refused with <see cref="DomainErrors.NoPlacesLeft"/>
    /// while every place is taken: the application then stays pending. Sets the account's engine budget.
    /// </summary>
    public Task<AccountView> ApproveAsync(Caller caller, int accountId, string? reason = null, CancellationToken cancellationToken = default) =>
        DecideAsync(caller, accountId, Approval, AccountRules.NormalizeReason(reason), TakePlaceAsync, cancellationToken);

    /// <summary>Admins: rejects a pending application with a reason the user sees. The user may apply again.</summary>
    public Task<AccountView> RejectAsync(Caller caller, int accountId, string reason, CancellationToken cancellationToken = default) =>
        DecideAsync(caller, accountId, Rejection, AccountRules.RequireReason(reason), null, cancellationToken);

    /// <summary>Admins: suspends an approved account with a reason; its data stays readable, writes are refused.</summary>
    public Task<AccountView> SuspendAsync(Caller caller, int accountId, string reason, CancellationToken cancellationToken = default) =>
        DecideAsync(caller, accountId, Suspension, AccountRules.RequireReason(reason), null, cancellationToken);

    /// <summary>Admins: reinstates a suspended account (optional note). It kept its place, so no place is needed.</summary>
    public Task<AccountView> ReinstateAsync(Caller caller, int accountId, string? reason = null, CancellationToken cancellationToken = default) =>
        DecideAsync(caller, accountId, Reinstatement, AccountRules.NormalizeReason(reason), null, cancellationToken);

    /// <summary>
    /// One admin decision: in one transaction under the account's lock (<see cref="AdminLocks"/>), checks the account
    /// is in the decision's source state, runs the decision's extra step, moves it to the target state and audits it;
    /// publishes after commit. Two admins deciding at once (on any nodes): the second sees the first's outcome.
    /// </summary>
    private async Task<AccountView> DecideAsync(
        Caller caller,
        int accountId,
        AccountDecision decision,
        string? reason,
        Func<EdgeKvDbContext, KvAccount, CancellationToken, Task>? beforeDecision,
        CancellationToken cancellationToken)
    {
        caller.RequireAdmin();
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAccountByIdAsync(db, accountId, cancellationToken);
        var account = await FindForDecisionAsync(db, caller, accountId, cancellationToken);
        if (account.Status != decision.From)
        {
            throw decision.WrongState.ToException();
        }

        if (beforeDecision is not null)
        {
            await beforeDecision(db, account, cancellationToken);
        }

        var now = Now;
        account.Status = decision.To;
        account.DecisionReason = reason;
        account.DecidedAt = now;
        AuditTrail.Add(db, caller, decision.AuditAction, AuditTargets.Account, account.Id, account.UserId, reason, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(decision.Event, caller, account);
        return await ToViewAsync(db, account.Id, cancellationToken);
    }

    // Counted inside the decision's transaction under the places' lock, so two approvals cannot both take the last place.
    private async Task TakePlaceAsync(EdgeKvDbContext db, KvAccount account, CancellationToken cancellationToken)
    {
        await db.LockPlacesAsync(cancellationToken);
        var settings = await db.PlatformSettings.SingleAsync(s => s.Id == PlatformSettings.SingletonId, cancellationToken);
        if (settings.MaxApprovedAccounts is { } max && await CountTakenPlacesAsync(db, cancellationToken) >= max)
        {
            throw DomainErrors.NoPlacesLeft.With(max).ToException();
        }

        await _registry.SetBudgetAsync(account.BudgetGroup, account.CapacityBytes, cancellationToken);
    }

    /// <summary>A workflow step: the state it leaves (else <see cref="WrongState"/>), the state it enters, its audit and event.</summary>
    private sealed record AccountDecision(KvAccountStatus From, DomainError WrongState, KvAccountStatus To, string AuditAction, DomainEventKind Event);
}
