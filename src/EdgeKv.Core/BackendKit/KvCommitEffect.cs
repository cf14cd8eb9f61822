using EdgeKv.Core.Keys;

namespace EdgeKv.Core.BackendKit;

/// <summary>
/// What one commit changed while a backend applies its mutations: its version, the stats deltas, the deletions it
/// remembered, the usage it counts and the keys it changed. The accounting rules are here, once, for every backend:
/// a row's size is its encoded key plus its value; a write over a present row replaces its size, a new row adds a
/// key; a delete of a present row frees its size and is remembered (a deletion-log row of the backend's overhead);
/// usage counts writes and deletes of records, not of their metadata companions (whose bytes still count); a delete
/// of an absent key still changes it for watchers. A backend writes the rows itself and keeps the effect only if
/// the whole commit applies. One object per commit, as before it was shared.
/// </summary>
internal sealed class KvCommitEffect(ulong version, int mutationCount)
{
    private readonly List<KvKey> _changedKeys = new(mutationCount);

    public ulong Version { get; } = version;

    public long DeltaBytes { get; private set; }

    public long DeltaKeys { get; private set; }

    /// <summary>The earliest expiry this commit set (<see cref="long.MaxValue"/>: none).</summary>
    public long EarliestExpiryMs { get; private set; } = long.MaxValue;

    /// <summary>The size of the deletions this commit remembered for resumed watches (deletions of present keys).</summary>
    public long DeletionBytes { get; private set; }

    /// <summary>Set, sum, min and max mutations applied (for usage).</summary>
    public int Writes { get; private set; }

    /// <summary>Delete mutations that removed a present key (for usage).</summary>
    public int Deletes { get; private set; }

    /// <summary>Bytes of keys and values the writes stored (for usage).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>
    /// Counts a row written: <paramref name="key"/> (<paramref name="keyBytes"/> encoded) with a value of
    /// <paramref name="valueBytes"/>, over a row of <paramref name="existingSize"/> (null: none), expiring at
    /// <paramref name="expiresAtMs"/> (null: never).
    /// </summary>
    public void Wrote(KvKey key, int keyBytes, int valueBytes, long? existingSize, long? expiresAtMs)
    {
        DeltaBytes += keyBytes + valueBytes - (existingSize ?? 0);
        DeltaKeys += existingSize is null ? 1 : 0;
        BytesWritten += keyBytes + valueBytes;
        if (!KvMetadataKeys.IsMetadataKey(key))
        {
            // A record written with its metadata is one write to its owner (the companion's bytes still count).
            Writes++;
        }

        if (expiresAtMs is { } expiresAt)
        {
            EarliestExpiryMs = Math.Min(EarliestExpiryMs, expiresAt);
        }

        _changedKeys.Add(key);
    }

    /// <summary>
    /// Counts a delete of <paramref name="key"/> (<paramref name="keyBytes"/> encoded): of a present row of
    /// <paramref name="existingSize"/>, remembered in a deletion row of <paramref name="deletionRowOverhead"/> bytes
    /// besides the key; of an absent one (null), only the change.
    /// </summary>
    public void Deleted(KvKey key, int keyBytes, long? existingSize, int deletionRowOverhead)
    {
        if (existingSize is { } size)
        {
            DeltaBytes -= size;
            DeltaKeys--;
            DeletionBytes += keyBytes + deletionRowOverhead;

            // Usage counts deletes that removed a record: a record's metadata companion is part of the record.
            if (!KvMetadataKeys.IsMetadataKey(key))
            {
                Deletes++;
            }
        }

        _changedKeys.Add(key);
    }

    /// <summary>The changed keys, each once, in the order first changed.</summary>
    public IReadOnlyList<KvKey> ChangedKeys() => _changedKeys.Count <= 1 ? _changedKeys : _changedKeys.Distinct().ToArray();
}
