using EdgeKv.Api.Http.Keys;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;
using EdgeKv.Core.Values;

namespace EdgeKv.Api.Http.Metadata;

/// <summary>
/// The mutations of the API's writes: a string key and its metadata companion (<see cref="KvMetadataKeys"/>) always
/// change together, in one commit. A put without metadata deletes the companion, so stale metadata never lingers
/// (Cloudflare's rule too: writing a value replaces its metadata).
/// </summary>
internal static class StringKeyWrites
{
    /// <summary>Writes the value and its metadata (or removes old metadata); both expire together.</summary>
    public static KvMutation[] Put(string key, KvValue value, TimeSpan? expireIn, string? metadataJson)
    {
        var companion = KvMetadataKeys.For(key);
        return
        [
            new KvMutation(KvMutationKind.Set, StringKeys.ToTupleKey(key), value, expireIn),
            metadataJson is null
                ? new KvMutation(KvMutationKind.Delete, companion)
                : new KvMutation(KvMutationKind.Set, companion, KvValue.Json(metadataJson), expireIn),
        ];
    }

    /// <summary>Deletes the key and its metadata.</summary>
    public static KvMutation[] Delete(string key) =>
    [
        new KvMutation(KvMutationKind.Delete, StringKeys.ToTupleKey(key)),
        new KvMutation(KvMutationKind.Delete, KvMetadataKeys.For(key)),
    ];
}
