using System.Text;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Keys;

/// <summary>
/// EdgeOne's string keys, once for every layer (the EdgeOne facade, the HTTP API, the console, the functions'
/// binding globals): a string key <c>k</c> of 1..512 UTF-8 bytes is the one-part tuple key <c>["k"]</c>, and its
/// metadata lives in the companion key <see cref="KvMetadataKeys.For"/>. A write of the value and a delete always
/// change the key and its companion in one commit, so no layer can leave metadata behind (a put without metadata
/// removes the old one: Cloudflare's rule). Listing is a byte-range scan of the string keys under a prefix, reading
/// one key past the page: that key is the cursor (EdgeOne: "the first key of the next page").
/// </summary>
public static class StringKeyModel
{
    /// <summary>True for a string key of 1..<see cref="KvLimits.MaxEdgeOneKeyBytes"/> UTF-8 bytes.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 } && Encoding.UTF8.GetByteCount(key) <= KvLimits.MaxEdgeOneKeyBytes;

    /// <summary>The tuple key of <paramref name="key"/>; throws <see cref="KvErrors.EdgeOneKeyLength"/> for a key out of bounds.</summary>
    public static KvKey ToTupleKey(string? key) =>
        IsValidKey(key) ? KvKey.Of(key!) : throw new KvException(KvErrorCode.EdgeOneKeyLength);

    /// <summary>The mutations writing <paramref name="value"/> under <paramref name="key"/> with its metadata (or removing old metadata); both expire together.</summary>
    public static KvMutation[] Put(string key, KvValue value, TimeSpan? expireIn = null, string? metadataJson = null)
    {
        var tupleKey = ToTupleKey(key);
        var companion = KvMetadataKeys.For(key);
        return
        [
            new KvMutation(KvMutationKind.Set, tupleKey, value, expireIn),
            metadataJson is null
                ? new KvMutation(KvMutationKind.Delete, companion)
                : new KvMutation(KvMutationKind.Set, companion, KvValue.Json(metadataJson), expireIn),
        ];
    }

    /// <summary>The mutations deleting <paramref name="key"/> and its metadata.</summary>
    public static KvMutation[] Delete(string key) =>
    [
        new KvMutation(KvMutationKind.Delete, ToTupleKey(key)),
        new KvMutation(KvMutationKind.Delete, KvMetadataKeys.For(key)),
    ];

    /// <summary>The mutations deleting any tuple key as listed: for a string key, its metadata too.</summary>
    public static KvMutation[] Delete(KvKey key) =>
        KvStringKeys.TryGetString(key, out var stringKey) && IsValidKey(stringKey)
            ? Delete(stringKey)
            : [new KvMutation(KvMutationKind.Delete, key)];

    /// <summary>A cursor a listing under <paramref name="prefix"/> could have produced, or null for none (<see cref="KvErrors.InvalidCursor"/>).</summary>
    public static string? ParseCursor(string? cursor, string prefix)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        return cursor.StartsWith(prefix, StringComparison.Ordinal) && Encoding.UTF8.GetByteCount(cursor) <= KvLimits.MaxEdgeOneKeyBytes
            ? cursor
            : throw new KvException(KvErrorCode.InvalidCursor);
    }

    /// <summary>
    /// One page of the string keys starting with <paramref name="prefix"/>, from <paramref name="cursor"/> (a key, as a
    /// previous page's <c>Next</c> gave it), at most <paramref name="limit"/>, in byte order. <c>Next</c> is the first
    /// key of the next page, null when the listing is complete. Keys that are not one-part strings (Deno clients' tuples,
    /// metadata companions) are skipped. Entries are read <paramref name="batchSize"/> at a time, which bounds the
    /// memory their values take. <paramref name="consistency"/> is the reads' (<see cref="KvConsistency"/>).
    /// </summary>
    public static async Task<StringKeyPage> ListAsync(
        IKvStore store, string prefix, int limit, string? cursor, int batchSize, CancellationToken cancellationToken = default,
        KvConsistency consistency = KvConsistency.Strong)
    {
        ArgumentNullException.ThrowIfNull(store);
        var selector = KvListSelector.Range(KvKey.Of(ParseCursor(cursor, prefix) ?? prefix), KvStringKeys.EndOfPrefix(prefix));
        var options = new KvListOptions { BatchSize = Math.Min(limit + 1, batchSize), Consistency = consistency };
        var entries = new List<StringKeyEntry>(Math.Min(limit, batchSize));
        await foreach (var entry in store.ListAsync(selector, options, cancellationToken).ConfigureAwait(false))
        {
            if (!KvStringKeys.TryGetString(entry.Key, out var key))
            {
                continue;
            }

            if (entries.Count == limit)
            {
                return new StringKeyPage(entries, key);
            }

            entries.Add(new StringKeyEntry(key, entry));
        }

        return new StringKeyPage(entries, null);
    }
}
