using EdgeKv.Core.Registry;
using EdgeKv.Core.Usage;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Usage;

/// <summary>
/// Writes the engine's usage counters (<see cref="IKvStoreRegistry.Usage"/>) into the admin database as one row per
/// namespace per minute, with the namespace's stored bytes sampled from the registry's in-memory figures; prunes
/// minutes older than <see cref="Retention"/>. Each flush is one transaction. Called every few seconds by
/// <see cref="UsageFlushService"/>, never from a write: a commit only adds to counters in memory, so a write request's
/// only fsync stays its namespace's commit. A flush that fails keeps what it drained for the next one. Singleton.
/// </summary>
public sealed class UsageRecorder
{
    /// <summary>How long minutes are kept: the charts' day, plus a margin for clocks and late flushes.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(25);

    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IKvStoreRegistry _registry;
    private readonly UsageFlushes _flushes;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Drained but not yet written (a failed flush keeps them); and each store's stored bytes as last written, so a
    // minute is also written when only the size changed (expired keys swept). Both only under _gate.
    private readonly Dictionary<string, KvUsageDelta> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _writtenStoredBytes = new(StringComparer.Ordinal);
    private DateTime _prunedAt = DateTime.MinValue;

    /// <summary>Made by dependency injection.</summary>
    public UsageRecorder(IDbContextFactory<EdgeKvDbContext> dbFactory, IKvStoreRegistry registry, UsageFlushes flushes, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _registry = registry;
        _flushes = flushes;
        _time = time;
    }

    /// <summary>
    /// Drains the counters and writes them to the current minute in one transaction; returns the rows written.
    /// Counts of namespaces deleted meanwhile are dropped. Serialized: a flush waits for one under way.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var delta in _registry.Usage.Drain())
            {
                _pending[delta.StoreId] = _pending.TryGetValue(delta.StoreId, out var earlier) ? Add(earlier, delta) : delta;
            }

            var now = _time.GetUtcNow().UtcDateTime;
            var minute = UsageTime.MinuteOf(now);
            var samples = Samples();
            var prune = minute != _prunedAt;
            if (samples.Count == 0 && !prune)
            {
                return 0;
            }

            var written = await WriteAsync(minute, samples, prune, cancellationToken);
            _pending.Clear();
            foreach (var sample in samples)
            {
                _writtenStoredBytes[sample.Delta.StoreId] = sample.StoredBytes;
            }

            _prunedAt = minute;
            if (written > 0)
            {
                _flushes.Publish(now);
            }

            return written;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>What to write: every store with counts, and every open store whose stored bytes changed since written.</summary>
    private List<(KvUsageDelta Delta, long StoredBytes)> Samples()
    {
        var stats = _registry.OpenStoreStats();
        var samples = new List<(KvUsageDelta, long)>();
        foreach (var (storeId, delta) in _pending)
        {
            samples.Add((delta, stats.TryGetValue(storeId, out var s) ? s.StoredBytes : _writtenStoredBytes.GetValueOrDefault(storeId)));
        }

        foreach (var (storeId, s) in stats)
        {
            // A store first seen (opened since start) is sampled only when it holds something, so a new, unused
            // namespace keeps its empty state; one seen before, whenever its size moved.
            var changed = _writtenStoredBytes.TryGetValue(storeId, out var written) ? written != s.StoredBytes : s.StoredBytes != 0;
            if (!_pending.ContainsKey(storeId) && changed)
            {
                samples.Add((new KvUsageDelta(storeId, 0, 0, 0, 0, 0), s.StoredBytes));
            }
        }

        // Stores closed or deleted since: nothing more to compare against.
        foreach (var storeId in _writtenStoredBytes.Keys.Where(id => !stats.ContainsKey(id)).ToList())
        {
            _writtenStoredBytes.Remove(storeId);
        }

        return samples;
    }

    private async Task<int> WriteAsync(DateTime minute, List<(KvUsageDelta Delta, long StoredBytes)> samples, bool prune, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Another node's flush of the same minute adds to the same rows: one at a time (AdminLocks).
        await db.LockUsageFlushAsync(cancellationToken);

        // Inside the transaction (SQLite's write lock is taken at its start): a namespace deleted before this point
        // is simply not found, and one deleted after waits for this commit and then takes its rows with it.
        var storeIds = samples.Select(s => s.Delta.StoreId).ToList();
        var namespaceIds = await db.Namespaces.Where(ns => storeIds.Contains(ns.StoreId))
            .ToDictionaryAsync(ns => ns.StoreId, ns => ns.Id, StringComparer.Ordinal, cancellationToken);
        var ids = namespaceIds.Values.ToList();
        var existing = await db.NamespaceUsage.Where(u => u.Minute == minute && ids.Contains(u.NamespaceId))
            .ToDictionaryAsync(u => u.NamespaceId, cancellationToken);

        var written = 0;
        foreach (var (delta, storedBytes) in samples)
        {
            if (!namespaceIds.TryGetValue(delta.StoreId, out var namespaceId))
            {
                continue;
            }

            if (!existing.TryGetValue(namespaceId, out var row))
            {
                row = new NamespaceUsageMinute { NamespaceId = namespaceId, Minute = minute };
                db.NamespaceUsage.Add(row);
            }

            row.Reads += delta.Reads;
            row.Lists += delta.Lists;
            row.Writes += delta.Writes;
            row.Deletes += delta.Deletes;
            row.BytesWritten += delta.BytesWritten;
            row.StoredBytes = storedBytes;
            written++;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (prune)
        {
            var cutoff = minute - Retention;
            await db.NamespaceUsage.Where(u => u.Minute < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private static KvUsageDelta Add(KvUsageDelta a, KvUsageDelta b) => new(
        a.StoreId, a.Reads + b.Reads, a.Lists + b.Lists, a.Writes + b.Writes, a.Deletes + b.Deletes, a.BytesWritten + b.BytesWritten);
}
