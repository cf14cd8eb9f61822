using System.Globalization;
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
    /// Renames a namespace. Its data and bindings stay: the engine knows it by <see cref="KvNamespace.StoreId"/>.
    /// Refused when the name is invalid or taken in the account, or the account is not open.
    /// </summary>
    public async Task<NamespaceView> RenameAsync(Caller caller, int namespaceId, string newName, CancellationToken cancellationToken = default)
    {
        var validName = ValidateName(newName);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (ns, account) = await NamespaceAccess.FindAsync(db, caller, namespaceId, cancellationToken);
        AccountRules.RequireWritable(caller, account);

        // The account's lock: two renames to one name (on any nodes) get the clear refusal, not the unique index's.
        await db.LockAccountAsync(account.UserId, cancellationToken);

        if (await db.Namespaces.AnyAsync(other => other.AccountId == account.Id && other.Id != ns.Id && other.Name == validName, cancellationToken))
        {
            throw DomainErrors.NamespaceNameTaken.With(validName).ToException();
        }

        var note = string.Create(CultureInfo.InvariantCulture, $"{ns.Name} → {validName}");
        ns.Name = validName;
        AuditTrail.Add(db, caller, AuditActions.NamespaceRenamed, AuditTargets.Namespace, ns.Id, account.UserId, note, Now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.NamespaceRenamed, caller, account.UserId, ns);
        var bindingCount = await db.Bindings.CountAsync(b => b.NamespaceId == ns.Id, cancellationToken);
        return await ToViewAsync(ns, account.UserId, bindingCount, cancellationToken);
    }
}
