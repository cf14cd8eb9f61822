using EdgeKv.Core;
using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;
using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Namespaces;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Records;

/// <summary>
/// Reads and writes the records of a namespace through the engine, after authorization: a user reaches their own
/// namespaces, an admin all. Writes need an open account and are charged to the account's capacity by the engine
/// (a write past it is refused with <see cref="DomainErrors.QuotaExceeded"/> and writes nothing). Engine errors
/// become <see cref="DomainException"/>s carrying the engine's message.
/// </summary>
public sealed partial class RecordService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IKvStoreRegistry _registry;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public RecordService(IDbContextFactory<EdgeKvDbContext> dbFactory, IKvStoreRegistry registry, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _registry = registry;
        _time = time;
    }

    // The namespace's store, for reading: any namespace the caller may reach.
    private async Task<IKvStore> OpenForReadAsync(Caller caller, int namespaceId, CancellationToken cancellationToken)
    {
        var (ns, _) = await FindAsync(caller, namespaceId, cancellationToken);
        return await EngineAsync(() => _registry.OpenAsync(ns.StoreId, cancellationToken));
    }

    // The namespace's store, for writing: the account must also be open.
    private async Task<(IKvStore Store, KvNamespace Namespace, KvAccount Account)> OpenForWriteAsync(
        Caller caller,
        int namespaceId,
        CancellationToken cancellationToken)
    {
        var (ns, account) = await FindAsync(caller, namespaceId, cancellationToken);
        AccountRules.RequireWritable(caller, account);
        return (await EngineAsync(() => _registry.OpenAsync(ns.StoreId, cancellationToken)), ns, account);
    }

    private async Task<(KvNamespace Namespace, KvAccount Account)> FindAsync(Caller caller, int namespaceId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await NamespaceAccess.FindAsync(db, caller, namespaceId, cancellationToken);
    }

    // The engine speaks KvException (messages in KvErrors); the console speaks DomainException (code + message).
    private static async Task<T> EngineAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (KvQuotaExceededException exception)
        {
            throw new DomainException(DomainErrors.QuotaExceeded.With(exception.Message), exception);
        }
        catch (KvException exception)
        {
            throw new DomainException(DomainErrors.EngineRefused.With(exception.Message), exception);
        }
    }
}
