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
    private CommitOutcome? ApplyCommit(CommitRequest request, ulong version, long nowMs)
    {
        var write = request.Write;
        for (var i = 0; i < write.Checks.Count; i++)
        {
            // An expired row does not exist for a check, exactly as for a read.
            Versionstamp? current = _writer.GetRowState(request.CheckKeys[i]) is { } row && row.IsLive(nowMs)
                ? Versionstamp.FromCommitVersion(row.Version)
                : null;
            if (current != write.Checks[i].Versionstamp)
            {
                return null;
            }
        }

        var outcome = new CommitOutcome(version, write.Mutations.Count);
        for (var i = 0; i < write.Mutations.Count; i++)
        {
            ApplyMutation(write.Mutations[i], request.MutationKeys[i], nowMs, outcome);
        }

        return outcome;
    }

    private void ApplyMutation(KvMutation mutation, byte[] key, long nowMs, CommitOutcome outcome)
    {
        switch (mutation.Kind)
        {
            case KvMutationKind.Set:
                Put(key, mutation.Key, mutation.Value!, mutation.ExpiresAtMs(nowMs), _writer.GetRowState(key), outcome);
                break;
            case KvMutationKind.Delete:
                if (_writer.GetRowState(key) is { } existing)
                {
                    _writer.Delete(key);
                    _writer.RecordDeletion(key, outcome.Version);
                    outcome.DeltaBytes -= existing.Size;
                    outcome.DeltaKeys--;
                    outcome.DeletionBytes += key.Length + SqliteStatements.DeletionRowOverhead;

                    // Usage counts deletes that removed a record: a record's metadata companion is part of the record.
                    if (!KvMetadataKeys.IsMetadataKey(mutation.Key))
                    {
                        outcome.Deletes++;
                    }
                }

                outcome.KeyChanged(mutation.Key);
                break;
            case KvMutationKind.Sum:
            case KvMutationKind.Min:
            case KvMutationKind.Max:
                var row = _writer.GetRowState(key);
                var result = Combine(mutation, key, row, nowMs);
                Put(key, mutation.Key, KvValue.U64(result), null, row, outcome);
                break;
            case KvMutationKind.SetSuffixVersionstampedKey:
                // As Deno: the versionstamp is appended as a string part of its 20 hex characters.
                var suffix = KvKeyPart.FromString(Versionstamp.FromCommitVersion(outcome.Version).ToString());
                var fullKey = new KvKey([.. mutation.Key, suffix]);
                var encoded = fullKey.Encode();
                Put(encoded, fullKey, mutation.Value!, mutation.ExpiresAtMs(nowMs), _writer.GetRowState(encoded), outcome);
                break;
        }
    }

    private void Put(byte[] key, KvKey kvKey, KvValue value, long? expiresAtMs, RowState? existing, CommitOutcome outcome)
    {
        var data = SqliteRows.ToArray(value.Data);
        _writer.Upsert(key, data, value.Encoding, outcome.Version, expiresAtMs);
        outcome.DeltaBytes += key.Length + data.Length - (existing?.Size ?? 0);
        outcome.DeltaKeys += existing is null ? 1 : 0;
        outcome.BytesWritten += key.Length + data.Length;
        if (!KvMetadataKeys.IsMetadataKey(kvKey))
        {
            // A record written with its metadata is one write to its owner (the companion's bytes still count).
            outcome.Writes++;
        }

        if (expiresAtMs is { } expiresAt)
        {
            outcome.EarliestExpiryMs = Math.Min(outcome.EarliestExpiryMs, expiresAt);
        }

        outcome.KeyChanged(kvKey);
    }

    /// <summary>Sum (wrapping modulo 2^64), min or max of the stored KvU64 and the operand; the operand when absent.</summary>
    private ulong Combine(KvMutation mutation, byte[] key, RowState? row, long nowMs) =>
        row is { } existing && existing.IsLive(nowMs)
            ? mutation.CombineWithStored(existing.Encoding == KvValueEncoding.U64 ? _writer.GetRowValue(key) : [])
            : mutation.Value!.AsU64();
}
