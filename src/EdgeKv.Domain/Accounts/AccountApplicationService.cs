using EdgeKv.Core.Registry;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Accounts;

/// <summary>
/// The KV account workflow (EdgeOne's 申请开通): users apply, admins approve, reject, suspend and reinstate, set
/// quotas and the number of places. Every transition is audited and published as a <see cref="DomainEvent"/>.
/// Errors are <see cref="DomainException"/>s; when one is thrown nothing changed. Use cases are split into partial
/// files by area.
/// </summary>
public sealed partial class AccountApplicationService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IKvStoreRegistry _registry;
    private readonly IDomainEvents _events;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public AccountApplicationService(
        IDbContextFactory<EdgeKvDbContext> dbFactory,
        IKvStoreRegistry registry,
        IDomainEvents events,
        TimeProvider time)
    {
        _dbFactory = dbFactory;
        _registry = registry;
        _events = events;
        _time = time;
    }

    private DateTime Now => _time.UtcNow();

    // The account an admin decides on, read inside the caller's transaction so two decisions cannot interleave.
    private static async Task<KvAccount> FindForDecisionAsync(EdgeKvDbContext db, Caller caller, int accountId, CancellationToken cancellationToken)
    {
        caller.RequireAdmin();
        return await db.Accounts.SingleOrDefaultAsync(account => account.Id == accountId, cancellationToken)
            ?? throw DomainErrors.AccountNotFound.ToException();
    }

    // An account's user id never changes, so it is read unlocked, then the account is locked by it (as creates lock
    // it by their caller's id) and read again by the caller, fresh. An unknown id locks nothing: the read says so.
    private static async Task LockAccountByIdAsync(EdgeKvDbContext db, int accountId, CancellationToken cancellationToken)
    {
        var userId = await db.Accounts.Where(account => account.Id == accountId).Select(account => account.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is not null)
        {
            await db.LockAccountAsync(userId, cancellationToken);
        }
    }

    private void Publish(DomainEventKind kind, Caller caller, KvAccount account) =>
        _events.Publish(new DomainEvent(kind, caller.UserId, account.UserId, account.Id, null, null, Now));

    private async Task<IReadOnlyList<AccountView>> ToViewsAsync(
        EdgeKvDbContext db,
        IQueryable<KvAccount> accounts,
        CancellationToken cancellationToken)
    {
        var rows = await (
            from account in accounts
            join user in db.Users on account.UserId equals user.Id
            select new
            {
                Account = account,
                user.Email,
                user.DisplayName,
                NamespaceCount = db.Namespaces.Count(ns => ns.AccountId == account.Id),
            }).ToListAsync(cancellationToken);

        var views = new List<AccountView>(rows.Count);
        foreach (var row in rows)
        {
            var usage = await _registry.GetBudgetUsageAsync(row.Account.BudgetGroup, cancellationToken);
            var account = row.Account;
            views.Add(new AccountView(
                account.Id,
                account.UserId,
                row.Email,
                row.DisplayName,
                account.Status,
                account.ApplicationReason,
                account.DecisionReason,
                account.AppliedAt,
                account.DecidedAt,
                account.CapacityBytes,
                account.MaxNamespaces,
                row.NamespaceCount,
                usage.UsedBytes));
        }

        return views;
    }

    private async Task<AccountView> ToViewAsync(EdgeKvDbContext db, int accountId, CancellationToken cancellationToken) =>
        (await ToViewsAsync(db, db.Accounts.Where(account => account.Id == accountId), cancellationToken)).Single();
}
