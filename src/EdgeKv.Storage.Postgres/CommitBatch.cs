using EdgeKv.Core;
using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// One group commit evaluated in memory: the rows its commits touch are read once (under the namespace's lock), then
/// each commit's checks and mutations are applied in order against what the commits before it left, so a failed
/// check, a type error or a refused budget undoes that commit alone. What the successful commits leave is written
/// afterwards with one statement per kind (<see cref="PostgresCommitWriter"/>). Cheaper than a savepoint per commit:
/// no round trip per commit, and the database sees each key once per group.
/// </summary>
internal sealed class CommitBatch
{
    private readonly Dictionary<byte[], RowImage?> _stored;
    private readonly Func<byte[], Task<RowImage?>> _fetch;
    private readonly Dictionary<byte[], RowImage?> _applied = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], RowImage?> _local = new(ByteArrayComparer.Instance);
    private readonly List<byte[]> _localDeletions = [];
    private readonly Dictionary<byte[], ulong> _deletions = new(ByteArrayComparer.Instance);
    private readonly long? _budgetLimit;
    private long _budgetUsed;

    public CommitBatch(
        Dictionary<byte[], RowImage?> stored, Func<byte[], Task<RowImage?>> fetch, ulong version, KvStoreStats stats,
        long deletionBytes, long budgetUsed, long? budgetLimit, bool hasBudget)
    {
        _stored = stored;
        _fetch = fetch;
        Version = version;
        Stats = stats;
        DeletionBytes = deletionBytes;
        _budgetUsed = budgetUsed;
        _budgetLimit = budgetLimit;
        HasBudget = hasBudget;
        StartVersion = version;
    }

    public ulong StartVersion { get; }

    /// <summary>The version of the last successful commit so far.</summary>
    public ulong Version { get; private set; }

    public KvStoreStats Stats { get; private set; }

    public long DeletionBytes { get; private set; }

    public bool HasBudget { get; }

    /// <summary>The growth (or shrink) the successful commits charge to the budget group.</summary>
    public long BudgetDelta { get; private set; }

    public List<KvChange> Changes { get; } = [];

    public long Writes { get; private set; }

    public long Deletes { get; private set; }

    public long BytesWritten { get; private set; }

    public long EarliestExpiryMs { get; private set; } = long.MaxValue;

    /// <summary>The rows the group leaves written (null: deleted), each key once.</summary>
    public IReadOnlyDictionary<byte[], RowImage?> Applied => _applied;

    /// <summary>True when <paramref name="key"/> had a row when the group began (so writing it is an update).</summary>
    public bool WasStored(byte[] key) => _stored.TryGetValue(key, out var row) && row is not null;

    /// <summary>The deletions to remember, with the version of the commit that made each.</summary>
    public IReadOnlyDictionary<byte[], ulong> Deletions => _deletions;

    /// <summary>
    /// Evaluates one commit: its <see cref="KvCommitResult"/> when it applied or its check failed, or the
    /// <see cref="KvException"/> that refused it (nothing of it kept).
    /// </summary>
    public async Task<object> EvaluateAsync(KvCommitRequest commit, long nowMs)
    {
        _local.Clear();
        _localDeletions.Clear();
        var write = commit.Write;
        for (var i = 0; i < write.Checks.Count; i++)
        {
            // An expired row does not exist for a check, exactly as for a read.
            var row = await StateOfAsync(commit.CheckKeys[i]).ConfigureAwait(false);
            if (!write.Checks[i].HoldsFor(row is not null && row.IsLive(nowMs) ? row.Version : null))
            {
                return KvCommitResult.CheckFailed;
            }
        }

        var outcome = new KvCommitEffect(Version + 1, write.Mutations.Count);
        try
        {
            for (var i = 0; i < write.Mutations.Count; i++)
            {
                await ApplyAsync(write.Mutations[i], commit.MutationKeys[i], nowMs, outcome).ConfigureAwait(false);
            }

            ChargeBudget(outcome.DeltaBytes);
        }
        catch (KvException e)
        {
            return e;
        }

        Keep(outcome);
        return new KvCommitResult(true, Versionstamp.FromCommitVersion(outcome.Version));
    }

    private void ChargeBudget(long deltaBytes)
    {
        if (!HasBudget)
        {
            return;
        }

        if (deltaBytes > 0 && _budgetLimit is { } limit && _budgetUsed + deltaBytes > limit)
        {
            throw new KvQuotaExceededException(limit, _budgetUsed, deltaBytes);
        }

        // The whole group is one transaction, so a shrink earlier in it may already make room for a later commit.
        _budgetUsed += deltaBytes;
        BudgetDelta += deltaBytes;
    }

    private void Keep(KvCommitEffect outcome)
    {
        foreach (var (key, row) in _local)
        {
            _applied[key] = row;
        }

        foreach (var key in _localDeletions)
        {
            _deletions[key] = outcome.Version;
        }

        Version = outcome.Version;
        Stats = new KvStoreStats(Stats.KeyCount + outcome.DeltaKeys, Stats.StoredBytes + outcome.DeltaBytes);
        DeletionBytes += outcome.DeletionBytes;
        Writes += outcome.Writes;
        Deletes += outcome.Deletes;
        BytesWritten += outcome.BytesWritten;
        EarliestExpiryMs = Math.Min(EarliestExpiryMs, outcome.EarliestExpiryMs);
        Changes.Add(new KvChange(Versionstamp.FromCommitVersion(outcome.Version), outcome.ChangedKeys()));
    }

    private async Task<RowImage?> StateOfAsync(byte[] key)
    {
        if (_local.TryGetValue(key, out var row) || _applied.TryGetValue(key, out row) || _stored.TryGetValue(key, out row))
        {
            return row;
        }

        // Only keys not known before the group began reach here (a versionstamp-suffixed key): read it now.
        row = await _fetch(key).ConfigureAwait(false);
        _stored[key] = row;
        return row;
    }

    private async Task ApplyAsync(KvMutation mutation, byte[] key, long nowMs, KvCommitEffect outcome)
    {
        switch (mutation.Kind)
        {
            case KvMutationKind.Set:
                Put(key, mutation.Key, mutation.Value!, mutation.ExpiresAtMs(nowMs), await StateOfAsync(key).ConfigureAwait(false), outcome);
                break;
            case KvMutationKind.Delete:
                var existing = await StateOfAsync(key).ConfigureAwait(false);
                if (existing is not null)
                {
                    _local[key] = null;
                    _localDeletions.Add(key);
                }

                outcome.Deleted(mutation.Key, key.Length, existing?.Size, PostgresStatements.DeletionRowOverhead);
                break;
            case KvMutationKind.Sum:
            case KvMutationKind.Min:
            case KvMutationKind.Max:
                var row = await StateOfAsync(key).ConfigureAwait(false);
                Put(key, mutation.Key, KvValue.U64(Combine(mutation, row, nowMs)), null, row, outcome);
                break;
            case KvMutationKind.SetSuffixVersionstampedKey:
                var fullKey = mutation.WithVersionstampSuffix(outcome.Version);
                var encoded = fullKey.Encode();
                Put(encoded, fullKey, mutation.Value!, mutation.ExpiresAtMs(nowMs), await StateOfAsync(encoded).ConfigureAwait(false), outcome);
                break;
        }
    }

    private void Put(byte[] key, KvKey kvKey, KvValue value, long? expiresAtMs, RowImage? existing, KvCommitEffect outcome)
    {
        var data = value.Data.ToArray();
        _local[key] = new RowImage(key.Length + data.Length, value.Encoding, outcome.Version, expiresAtMs, data);
        outcome.Wrote(kvKey, key.Length, data.Length, existing?.Size, expiresAtMs);
    }

    /// <summary>Sum (wrapping modulo 2^64), min or max of the stored KvU64 and the operand; the operand when absent.</summary>
    private static ulong Combine(KvMutation mutation, RowImage? row, long nowMs) =>
        row is { } existing && existing.IsLive(nowMs)
            ? mutation.CombineWithStored(existing.Encoding == KvValueEncoding.U64 ? existing.Data : [])
            : mutation.Value!.AsU64();
}
