namespace EdgeKv.Core.Keys;

/// <summary>
/// Where EdgeKv keeps a string key's metadata (the HTTP API's Cloudflare-style metadata; the engine stores only a value
/// and its encoding): a companion key <c>[bytes "edgekv:metadata", "k"]</c>, written
/// and deleted in the same atomic commit as <c>["k"]</c>. A commit gives all its keys one versionstamp, so the metadata
/// belongs to the value exactly when the two versionstamps are equal; after anyone else rewrites <c>["k"]</c> (a Deno
/// client, the console) the companion is stale and reads as no metadata. Companion keys start with a byte-array part,
/// so they sort before every string key and never appear in string-key listings; the console and anything else that
/// lists every tuple hides them with <see cref="IsMetadataKey"/> and deletes a key's companion with the key. A
/// convention over the engine's public API, not part of the store: kept here so every layer shares one definition.
/// </summary>
public static class KvMetadataKeys
{
    private static readonly byte[] ReservedPart = "edgekv:metadata"u8.ToArray();

    /// <summary>The first part of every companion key.</summary>
    public static KvKeyPart Space { get; } = KvKeyPart.FromBytes(ReservedPart);

    /// <summary>The companion key holding the metadata of string key <paramref name="key"/>.</summary>
    public static KvKey For(string key) => KvKey.Of(Space, key);

    /// <summary>True for a companion key (to hide it wherever every tuple is listed).</summary>
    public static bool IsMetadataKey(KvKey key) => key.Count == 2 && key[0].Equals(Space) && key[1].Kind == KvKeyPartKind.String;

    /// <summary>The string key a companion key belongs to.</summary>
    public static bool TryGetOwner(KvKey key, out string owner)
    {
        owner = IsMetadataKey(key) ? (string)key[1].Value : "";
        return owner.Length > 0;
    }
}
