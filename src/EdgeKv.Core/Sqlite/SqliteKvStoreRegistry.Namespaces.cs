using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStoreRegistry
{
    /// <inheritdoc />
    public Task<IKvStore> CreateNamespaceAsync(string namespaceId, string? budgetGroup = null, CancellationToken cancellationToken = default)
    {
        ValidateId(namespaceId);
        if (budgetGroup is not null)
        {
            KvValidation.BudgetGroup(budgetGroup);
        }

        return _open.LockedAsync<IKvStore>(async () =>
        {
            if (_namespaces.ContainsKey(namespaceId))
            {
                throw new KvException(KvErrorCode.NamespaceExists);
            }

            // Files left by a delete interrupted before it reached the catalog belong to no namespace: start clean.
            DeleteStoreFiles(namespaceId);
            var budget = budgetGroup is null ? null : LoadGroup(budgetGroup);
            var store = OpenStore(namespaceId, budget);
            try
            {
                _catalog.AddNamespace(namespaceId, budgetGroup);
            }
            catch
            {
                await store.DisposeAsync().ConfigureAwait(false);
                DeleteStoreFiles(namespaceId);
                throw;
            }

            _namespaces[namespaceId] = budgetGroup;
            _open.Add(namespaceId, store);
            return store;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IKvStore> OpenAsync(string namespaceId, CancellationToken cancellationToken = default)
    {
        ValidateId(namespaceId);
        return _open.OpenAsync(namespaceId, () => ValueTask.FromResult(OpenLocked(namespaceId)), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteNamespaceAsync(string namespaceId, CancellationToken cancellationToken = default)
    {
        ValidateId(namespaceId);
        return _open.LockedAsync(async () =>
        {
            if (!_namespaces.TryGetValue(namespaceId, out var group))
            {
                throw new KvException(KvErrorCode.NamespaceNotFound);
            }

            if (_open.Remove(namespaceId) is { } store)
            {
                await store.DisposeAsync().ConfigureAwait(false);
                if (group is not null && _budgets.TryGetValue(group, out var budget))
                {
                    budget.Release(store.StoredBytes);
                }
            }

            // Files first, catalog last: a crash in between leaves a namespace whose store reopens empty, never a
            // deleted namespace whose old data reappears.
            DeleteStoreFiles(namespaceId);
            _catalog.RemoveNamespace(namespaceId);
            _namespaces.TryRemove(namespaceId, out _);
            Usage.Forget(namespaceId);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<KvStoreStats> GetStatsAsync(string namespaceId, CancellationToken cancellationToken = default)
    {
        var store = await OpenAsync(namespaceId, cancellationToken).ConfigureAwait(false);
        return await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a namespace's store (not open yet), first opening its whole budget group if that has not been loaded;
    /// returns the store the group's loading opened if it did. Under the lock; the caller keeps the store.
    /// </summary>
    private SqliteKvStore OpenLocked(string namespaceId)
    {
        if (!_namespaces.TryGetValue(namespaceId, out var group))
        {
            throw new KvException(KvErrorCode.NamespaceNotFound);
        }

        KvByteBudget? budget = null;
        if (group is not null)
        {
            budget = LoadGroup(group);
            if (_open.TryGet(namespaceId, out var open))
            {
                return open; // loading the group opened it
            }
        }

        var store = OpenStore(namespaceId, budget);
        budget?.Add(store.StoredBytes);
        return store;
    }

    private void DeleteStoreFiles(string namespaceId)
    {
        var path = StorePath(namespaceId);
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }
}
