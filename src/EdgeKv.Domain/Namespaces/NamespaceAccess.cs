using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Namespaces;

/// <summary>Finds a namespace for a caller: theirs, or any for an admin; otherwise it does not exist for them.</summary>
internal static class NamespaceAccess
{
    public static async Task<(KvNamespace Namespace, KvAccount Account)> FindAsync(
        EdgeKvDbContext db,
        Caller caller,
        int namespaceId,
        CancellationToken cancellationToken)
    {
        var found = await (
            from ns in db.Namespaces
            join account in db.Accounts on ns.AccountId equals account.Id
            where ns.Id == namespaceId
            select new { Namespace = ns, Account = account }).SingleOrDefaultAsync(cancellationToken);

        return found is not null && caller.CanReach(found.Account.UserId)
            ? (found.Namespace, found.Account)
            : throw DomainErrors.NamespaceNotFound.ToException();
    }
}
