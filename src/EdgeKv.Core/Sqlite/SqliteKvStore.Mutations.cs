using EdgeKv.Core.BackendKit;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Sqlite;

public sealed partial class SqliteKvStore
{
    /// <summary>
    /// Evaluates a commit's checks and applies its mutations in order, inside the writer's open transaction. Returns
    /// null when a check fails; throws <see cref="KvException"/> when a mutation cannot apply (the caller undoes it).
    /// </summary>
    private KvCommitEffect? ApplyCommit(KvCommitRequest request, ulong version, long nowMs)
    {
        var write = request.Write;
        for (var i = 0; i < write.Checks.Count; i++)
        {
            // An expired row does not exist for a check, exactly as for a read.
            var row = _writer.GetRowState(request.CheckKeys[i]);
            if (!write.Checks[i].HoldsFor(row is { } live && live.IsLive(nowMs) ? live.Version : null))
            {
                return null;
            }
        }

        var outcome = new KvCommitEffect(version, write.Mutations.Count);
        for (var i = 0; i < write.Mutations.Count; i++)
        {
            ApplyMutation(write.Mutations[i], request.MutationKeys[i], nowMs, outcome);
        }

        return outcome;
    }

    private void ApplyMutation(KvMutation mutation, byte[] key, long nowMs, KvCommitEffect outcome)
    {
        switch (mutation.Kind)
        {
            case KvMutationKind.Set:
                Put(key, mutation.Key, mutation.Value!, mutation.ExpiresAtMs(nowMs), _writer.GetRowState(key), outcome);
                break;
            case KvMutationKind.Delete:
                var existing = _writer.GetRowState(key);
                if (existing is not null)
                {
                    _writer.Delete(key);
                    _writer.RecordDeletion(key, outcome.Version);
                }

                outcome.Deleted(mutation.Key, key.Length, existing?.Size, SqliteStatements.DeletionRowOverhead);
                break;
            case KvMutationKind.Sum:
            case KvMutationKind.Min:
            case KvMutationKind.Max:
                var row = _writer.GetRowState(key);
                var result = Combine(mutation, key, row, nowMs);
                Put(key, mutation.Key, KvValue.U64(result), null, row, outcome);
                break;
            case KvMutationKind.SetSuffixVersionstampedKey:
                var fullKey = mutation.WithVersionstampSuffix(outcome.Version);
                var encoded = fullKey.Encode();
                Put(encoded, fullKey, mutation.Value!, mutation.ExpiresAtMs(nowMs), _writer.GetRowState(encoded), outcome);
                break;
        }
    }

    private void Put(byte[] key, KvKey kvKey, KvValue value, long? expiresAtMs, RowState? existing, KvCommitEffect outcome)
    {
        var data = SqliteRows.ToArray(value.Data);
        _writer.Upsert(key, data, value.Encoding, outcome.Version, expiresAtMs);
        outcome.Wrote(kvKey, key.Length, data.Length, existing?.Size, expiresAtMs);
    }

    /// <summary>Sum (wrapping modulo 2^64), min or max of the stored KvU64 and the operand; the operand when absent.</summary>
    private ulong Combine(KvMutation mutation, byte[] key, RowState? row, long nowMs) =>
        row is { } existing && existing.IsLive(nowMs)
            ? mutation.CombineWithStored(existing.Encoding == KvValueEncoding.U64 ? _writer.GetRowValue(key) : [])
            : mutation.Value!.AsU64();
}
