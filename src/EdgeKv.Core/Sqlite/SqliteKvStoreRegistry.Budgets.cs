using EdgeKv.Core.Registry;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStoreRegistry
{
    /// <inheritdoc />
    public Task SetBudgetAsync(string budgetGroup, long? limitBytes, CancellationToken cancellationToken = default)
    {
        KvValidation.BudgetGroup(budgetGroup);
        KvValidation.BudgetLimit(limitBytes);
        return _open.LockedAsync(() =>
        {
            _catalog.SetBudget(budgetGroup, limitBytes);
            if (limitBytes is { } limit)
            {
                _limits[budgetGroup] = limit;
            }
            else
            {
                _limits.Remove(budgetGroup);
            }

            if (_budgets.TryGetValue(budgetGroup, out var budget))
            {
                budget.LimitBytes = limitBytes;
            }

            return ValueTask.FromResult(true);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<KvBudgetUsage> GetBudgetUsageAsync(string budgetGroup, CancellationToken cancellationToken = default)
    {
        KvValidation.BudgetGroup(budgetGroup);
        return _open.LockedAsync(() => ValueTask.FromResult(LoadGroup(budgetGroup).Usage), cancellationToken);
    }

    /// <summary>
    /// The budget of a group. The first time a group is used, every store in it is opened with the new budget and
    /// its exact stored bytes (kept transactionally in its meta row) are added, before any of them can be written
    /// through the registry; from then on the stores' commits keep the budget exact. Under the lock.
    /// </summary>
    private KvByteBudget LoadGroup(string budgetGroup)
    {
        if (_budgets.TryGetValue(budgetGroup, out var budget))
        {
            return budget;
        }

        budget = new KvByteBudget(budgetGroup, _limits.TryGetValue(budgetGroup, out var limit) ? limit : null);
        _budgets[budgetGroup] = budget;
        foreach (var (namespaceId, group) in _namespaces)
        {
            if (group == budgetGroup && !_open.IsOpen(namespaceId))
            {
                var store = OpenStore(namespaceId, budget);
                budget.Add(store.StoredBytes);
                _open.Add(namespaceId, store);
            }
        }

        return budget;
    }
}
