using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Namespaces;

public sealed partial class NamespaceService
{
    /// <summary>
    /// Creates a namespace in the caller's account (an admin may name another <paramref name="ownerUserId"/>).
    /// Refused when the name is invalid or taken, the account is not open, or it holds its limit
    /// (<see cref="DomainErrors.NamespaceLimitReached"/>: "Namespace limit reached (10 per account)").
    /// </summary>
    public async Task<NamespaceView> CreateAsync(
        Caller caller,
        string name,
        string? ownerUserId = null,
        CancellationToken cancellationToken = default)
    {
        var owner = ownerUserId ?? caller.UserId;
        if (!caller.CanReach(owner))
        {
            throw DomainErrors.AccountNotFound.ToException();
        }

        var validName = ValidateName(name);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);

        // The account's lock: the count and the name check hold until commit, so two creates (on any nodes) cannot
        // pass the limit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAccountAsync(owner, cancellationToken);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserId == owner, cancellationToken);
        AccountRules.RequireWritable(caller, account);

        if (await db.Namespaces.AnyAsync(ns => ns.AccountId == account!.Id && ns.Name == validName, cancellationToken))
        {
            throw DomainErrors.NamespaceNameTaken.With(validName).ToException();
        }

        if (await db.Namespaces.CountAsync(ns => ns.AccountId == account!.Id, cancellationToken) >= account!.MaxNamespaces)
        {
            throw DomainErrors.NamespaceLimitReached.With(account.MaxNamespaces).ToException();
        }

        var now = Now;
        var ns = new KvNamespace { AccountId = account.Id, Name = validName, StoreId = KvNamespace.NewStoreId(), CreatedAt = now };
        db.Namespaces.Add(ns);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Add(db, caller, AuditActions.NamespaceCreated, AuditTargets.Namespace, ns.Id, owner, validName, now);
        await db.SaveChangesAsync(cancellationToken);

        // The budget is set again on every create, so an engine data directory that lost it is repaired.
        await _registry.SetBudgetAsync(account.BudgetGroup, account.CapacityBytes, cancellationToken);
        await _registry.CreateNamespaceAsync(ns.StoreId, account.BudgetGroup, cancellationToken);
        try
        {
            // Not cancellable from here on: the engine store exists and must end up owned or removed.
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch
        {
            // The row was not saved: take the engine store back so no unowned data remains.
            await _registry.DeleteNamespaceAsync(ns.StoreId, CancellationToken.None);
            throw;
        }

        Publish(DomainEventKind.NamespaceCreated, caller, owner, ns);
        return new NamespaceView(ns.Id, ns.AccountId, owner, ns.Name, ns.StoreId, ns.CreatedAt, 0, 0, 0);
    }
}
