using EdgeKv.Core.Registry;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Namespaces;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Usage;

/// <summary>
/// Usage history for the console's charts: a namespace's, for its owner and admins (another user's namespace is "not
/// found"), and the whole platform's, for admins only. Reads what <see cref="UsageRecorder"/> wrote; current
/// counts not yet flushed appear after the next flush.
/// </summary>
public sealed class UsageService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IKvStoreRegistry _registry;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public UsageService(IDbContextFactory<EdgeKvDbContext> dbFactory, IKvStoreRegistry registry, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _registry = registry;
        _time = time;
    }

    /// <summary>One namespace's usage over <paramref name="range"/>; <see cref="DomainErrors.NamespaceNotFound"/> for one the caller may not reach.</summary>
    public async Task<UsageSeries> GetNamespaceUsageAsync(Caller caller, int namespaceId, UsageRange range, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var (ns, _) = await NamespaceAccess.FindAsync(db, caller, namespaceId, cancellationToken);
        var now = _time.GetUtcNow().UtcDateTime;
        var start = range.Start(now);
        var minutes = await db.NamespaceUsage.AsNoTracking()
            .Where(u => u.NamespaceId == namespaceId && u.Minute >= start).ToListAsync(cancellationToken);
        var before = await db.NamespaceUsage.AsNoTracking()
            .Where(u => u.NamespaceId == namespaceId && u.Minute < start).OrderByDescending(u => u.Minute).Take(1).ToListAsync(cancellationToken);

        // The registry's figure is exact now; the last flushed sample may be seconds old.
        long? current = _registry.Exists(ns.StoreId) ? (await _registry.GetStatsAsync(ns.StoreId, cancellationToken)).StoredBytes : null;
        return UsageSeriesBuilder.Build(range, now, minutes, before, current);
    }

    /// <summary>The whole platform's usage over <paramref name="range"/> (every namespace summed); admins only.</summary>
    public async Task<UsageSeries> GetPlatformUsageAsync(Caller caller, UsageRange range, CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var now = _time.GetUtcNow().UtcDateTime;
        var start = range.Start(now);
        var minutes = await db.NamespaceUsage.AsNoTracking().Where(u => u.Minute >= start).ToListAsync(cancellationToken);
        var before = await db.NamespaceUsage.AsNoTracking()
            .Where(u => u.Minute < start
                && u.Minute == db.NamespaceUsage.Where(v => v.NamespaceId == u.NamespaceId && v.Minute < start).Max(v => v.Minute))
            .ToListAsync(cancellationToken);
        return UsageSeriesBuilder.Build(range, now, minutes, before, null);
    }
}
