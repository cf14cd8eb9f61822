using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.Tests.Support;

/// <summary>Everything a user could observe of a store (every entry and the stats), to prove a refused call changed nothing.</summary>
internal sealed record StoreSnapshot(IReadOnlyList<string> Entries, KvStoreStats Stats)
{
    public static async Task<StoreSnapshot> TakeAsync(IKvStore store)
    {
        var entries = new List<string>();
        await foreach (var entry in store.ListAsync(KvListSelector.WithPrefix(KvKey.Empty)))
        {
            entries.Add($"{entry.Key} = {entry.Value} @ {entry.Versionstamp}: {Convert.ToHexString(entry.Value!.Data.Span)}");
        }

        return new StoreSnapshot(entries, await store.GetStatsAsync());
    }

    public bool Equals(StoreSnapshot? other) => other is not null && Stats == other.Stats && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => Stats.GetHashCode();
}
