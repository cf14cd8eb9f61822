using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Store;

/// <summary>
/// Builds one atomic commit, as Deno's <c>kv.atomic()</c>: chain <see cref="Check"/>s and mutations, then
/// <see cref="CommitAsync"/>. Limits are checked at commit. Not thread-safe; use one per commit.
/// </summary>
public sealed class KvAtomicOperation
{
    private readonly IKvStore _store;
    private readonly List<KvCheck> _checks = [];
    private readonly List<KvMutation> _mutations = [];

    /// <summary>Starts an operation against <paramref name="store"/>.</summary>
    public KvAtomicOperation(IKvStore store) => _store = store;

    /// <summary>Commit only if <paramref name="key"/>'s versionstamp is <paramref name="versionstamp"/> (null: absent).</summary>
    public KvAtomicOperation Check(KvKey key, Versionstamp? versionstamp)
    {
        _checks.Add(new KvCheck(key, versionstamp));
        return this;
    }

    /// <summary>Write a value, optionally expiring.</summary>
    public KvAtomicOperation Set(KvKey key, KvValue value, TimeSpan? expireIn = null) => Add(new(KvMutationKind.Set, key, value, expireIn));

    /// <summary>Remove a key.</summary>
    public KvAtomicOperation Delete(KvKey key) => Add(new(KvMutationKind.Delete, key));

    /// <summary>Add to a KvU64, wrapping modulo 2^64.</summary>
    public KvAtomicOperation Sum(KvKey key, ulong operand) => Add(new(KvMutationKind.Sum, key, KvValue.U64(operand)));

    /// <summary>Keep the smaller KvU64.</summary>
    public KvAtomicOperation Min(KvKey key, ulong operand) => Add(new(KvMutationKind.Min, key, KvValue.U64(operand)));

    /// <summary>Keep the larger KvU64.</summary>
    public KvAtomicOperation Max(KvKey key, ulong operand) => Add(new(KvMutationKind.Max, key, KvValue.U64(operand)));

    /// <summary>Add any mutation.</summary>
    public KvAtomicOperation Mutate(KvMutation mutation) => Add(mutation);

    /// <summary>Commits: ok with a versionstamp, or not ok when a check failed (nothing written).</summary>
    public Task<KvCommitResult> CommitAsync(CancellationToken cancellationToken = default) =>
        _store.CommitAsync(new KvAtomicWrite([.. _checks], [.. _mutations]), cancellationToken);

    private KvAtomicOperation Add(KvMutation mutation)
    {
        _mutations.Add(mutation);
        return this;
    }
}
