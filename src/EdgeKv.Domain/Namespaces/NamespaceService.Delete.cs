using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Namespaces;

public sealed partial class NamespaceService
{
    /// <summary>
    /// Deletes a namespace, its data in the engine and its bindings. Refused when the account is not open (a
    /// suspended owner may not delete; an admin may).
    /// </summary>
    public async Task DeleteAsync(Caller caller, int namespaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (ns, account) = await NamespaceAccess.FindAsync(db, caller, namespaceId, cancellationToken);
        AccountRules.RequireWritable(caller, account);

        var bindings = await db.Bindings.Where(b => b.NamespaceId == ns.Id).ToListAsync(cancellationToken);
        var now = Now;
        foreach (var binding in bindings)
        {
            AuditTrail.Add(db, caller, AuditActions.BindingDeleted, AuditTargets.Binding, binding.Id, account.UserId, binding.VariableName, now);
        }

        db.Bindings.RemoveRange(bindings);
        db.Namespaces.Remove(ns);
        AuditTrail.Add(db, caller, AuditActions.NamespaceDeleted, AuditTargets.Namespace, ns.Id, account.UserId, ns.Name, now);
        await db.SaveChangesAsync(cancellationToken);

        // The data goes before the commit: if the engine fails, the row stays and the user can retry. A store
        // already gone (an earlier attempt deleted it, then the commit failed) is not an error.
        if (_registry.Exists(ns.StoreId))
        {
            await _registry.DeleteNamespaceAsync(ns.StoreId, cancellationToken);
        }

        await transaction.CommitAsync(CancellationToken.None);

        Publish(DomainEventKind.NamespaceDeleted, caller, account.UserId, ns);
        if (bindings.Count > 0)
        {
            Publish(DomainEventKind.BindingChanged, caller, account.UserId, ns);
        }
    }
}
