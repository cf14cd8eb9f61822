using EdgeKv.Core.Registry;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Namespaces;

/// <summary>
/// Namespaces of KV accounts: list (with key counts and bytes from the engine), create, rename, delete. A user
/// reaches their own; an admin reaches all. Creating, renaming and deleting need an open account. Each namespace is
/// one engine store in its account's budget group. Errors are <see cref="DomainException"/>s; nothing changes when
/// one is thrown.
/// </summary>
public sealed partial class NamespaceService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IKvStoreRegistry _registry;
    private readonly IDomainEvents _events;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public NamespaceService(
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

    /// <summary>
    /// The caller's namespaces by name; an admin gets every namespace, or those of <paramref name="ownerUserId"/>.
    /// A user passing another owner gets nothing of theirs: the filter is always their own id.
    /// </summary>
    public async Task<IReadOnlyList<NamespaceView>> ListAsync(Caller caller, string? ownerUserId = null, CancellationToken cancellationToken = default)
    {
        var owner = caller.IsAdmin ? ownerUserId : caller.UserId;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var query =
            from ns in db.Namespaces
            join account in db.Accounts on ns.AccountId equals account.Id
            where owner == null || account.UserId == owner
            orderby ns.Name
            select new { Namespace = ns, account.UserId, BindingCount = db.Bindings.Count(b => b.NamespaceId == ns.Id) };

        var views = new List<NamespaceView>();
        foreach (var row in await query.ToListAsync(cancellationToken))
        {
            views.Add(await ToViewAsync(row.Namespace, row.UserId, row.BindingCount, cancellationToken));
        }

        return views;
    }

    /// <summary>One namespace the caller may reach; otherwise <see cref="DomainErrors.NamespaceNotFound"/>.</summary>
    public async Task<NamespaceView> GetAsync(Caller caller, int namespaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var (ns, account) = await NamespaceAccess.FindAsync(db, caller, namespaceId, cancellationToken);
        var bindingCount = await db.Bindings.CountAsync(b => b.NamespaceId == ns.Id, cancellationToken);
        return await ToViewAsync(ns, account.UserId, bindingCount, cancellationToken);
    }

    private async Task<NamespaceView> ToViewAsync(KvNamespace ns, string ownerUserId, int bindingCount, CancellationToken cancellationToken)
    {
        // A store missing from the engine (its deletion interrupted) shows as empty rather than failing the list.
        var stats = _registry.Exists(ns.StoreId)
            ? await _registry.GetStatsAsync(ns.StoreId, cancellationToken)
            : new Core.Store.KvStoreStats(0, 0);
        return new NamespaceView(ns.Id, ns.AccountId, ownerUserId, ns.Name, ns.StoreId, ns.CreatedAt, stats.KeyCount, stats.StoredBytes, bindingCount);
    }

    private void Publish(DomainEventKind kind, Caller caller, string ownerUserId, KvNamespace ns) =>
        _events.Publish(new DomainEvent(kind, caller.UserId, ownerUserId, ns.AccountId, ns.Id, null, Now));

    private static string ValidateName(string? name)
    {
        var trimmed = name?.Trim();
        return DomainValidation.IsValidResourceName(trimmed) ? trimmed! : throw DomainErrors.InvalidNamespaceName.ToException();
    }
}
