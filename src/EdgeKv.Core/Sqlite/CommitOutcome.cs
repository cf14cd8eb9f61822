using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Sqlite;

/// <summary>What one applied (not yet durable) commit changed: its version, stats deltas, keys, earliest expiry set.</summary>
internal sealed class CommitOutcome(ulong version, int mutationCount)
{
    private readonly List<KvKey> _changedKeys = new(mutationCount);

    public ulong Version { get; } = version;

    public long DeltaBytes { get; set; }

    public long DeltaKeys { get; set; }

    public long EarliestExpiryMs { get; set; } = long.MaxValue;

    /// <summary>The size of the deletions this commit remembered for resumed watches (deletions of present keys).</summary>
    public long DeletionBytes { get; set; }

    /// <summary>Set, sum, min and max mutations applied (for usage).</summary>
    public int Writes { get; set; }

    /// <summary>Delete mutations that removed a present key (for usage).</summary>
    public int Deletes { get; set; }

    /// <summary>Bytes of keys and values the writes stored (for usage).</summary>
    public long BytesWritten { get; set; }

    public void KeyChanged(KvKey key) => _changedKeys.Add(key);

    /// <summary>The changed keys, each once, in the order first changed.</summary>
    public IReadOnlyList<KvKey> ChangedKeys() => _changedKeys.Count <= 1 ? _changedKeys : _changedKeys.Distinct().ToArray();
}
