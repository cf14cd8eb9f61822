using System.Text.Json;
using EdgeKv.Api.Http.Keys;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Api.Http.Metadata;

/// <summary>Reads string keys together with their metadata (see <see cref="KvMetadataKeys"/> for when it belongs).</summary>
internal static class MetadataReader
{
    /// <summary>A key's entry and metadata, read in one snapshot of the given consistency.</summary>
    public static async Task<(KvEntry Entry, JsonElement? Metadata)> GetAsync(
        IKvStore store, string key, CancellationToken cancellationToken, KvConsistency consistency = KvConsistency.Strong)
    {
        var entries = await store.GetManyAsync([StringKeys.ToTupleKey(key), KvMetadataKeys.For(key)], consistency, cancellationToken);
        return (entries[0], Of(entries[0], entries[1]));
    }

    /// <summary>The metadata of <paramref name="entry"/>: the companion's, when it was written in the same commit.</summary>
    public static JsonElement? Of(KvEntry entry, KvEntry companion) => entry.Exists ? Of(entry.Versionstamp, companion) : null;

    private static JsonElement? Of(Versionstamp? owner, KvEntry companion) =>
        companion.Value is { } value && companion.Versionstamp == owner && KvHttpJson.IsValid(value.Data.Span)
            ? KvHttpJson.Parse(value.Data)
            : null;

    /// <summary>
    /// The metadata of listed keys (in byte order, as listed): one range read over their companions, then, for any
    /// key whose companion is of another commit (rewritten between the two reads, or stale), one snapshot read of the
    /// key and its companion, whose entry then replaces the listed one.
    /// </summary>
    public static async Task<IReadOnlyList<(ListedKey Key, JsonElement? Metadata)>> ForListedAsync(
        IKvStore store, IReadOnlyList<ListedKey> listed, CancellationToken cancellationToken, KvConsistency consistency = KvConsistency.Strong)
    {
        if (listed.Count == 0)
        {
            return [];
        }

        var companions = new Dictionary<string, KvEntry>(StringComparer.Ordinal);
        // "last\0" is the string right after "last", so the exclusive end still includes last's companion.
        var range = KvListSelector.Range(KvMetadataKeys.For(listed[0].Key), KvMetadataKeys.For(listed[^1].Key + "\0"));
        await foreach (var companion in store.ListAsync(range, new KvListOptions { BatchSize = KvHttpLimits.MaxListLimit, Consistency = consistency }, cancellationToken))
        {
            if (KvMetadataKeys.TryGetOwner(companion.Key, out var owner))
            {
                companions[owner] = companion;
            }
        }

        var results = new (ListedKey, JsonElement?)[listed.Count];
        for (var i = 0; i < listed.Count; i++)
        {
            var key = listed[i];
            if (!companions.TryGetValue(key.Key, out var companion))
            {
                results[i] = (key, null);
            }
            else if (companion.Versionstamp == key.Versionstamp)
            {
                results[i] = (key, Of(key.Versionstamp, companion));
            }
            else
            {
                var (entry, metadata) = await GetAsync(store, key.Key, cancellationToken, consistency);
                results[i] = (entry.Exists ? ListedKey.From(key.Key, entry) : key, metadata);
            }
        }

        return results;
    }
}
