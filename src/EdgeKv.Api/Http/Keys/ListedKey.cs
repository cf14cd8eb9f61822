using EdgeKv.Core;
using EdgeKv.Core.Store;

namespace EdgeKv.Api.Http.Keys;

/// <summary>What a listing keeps of an entry: never its value, which may be 25 MiB.</summary>
internal sealed record ListedKey(string Key, Versionstamp Versionstamp, DateTimeOffset? ExpiresAt)
{
    public static ListedKey From(string key, KvEntry entry) => new(key, entry.Versionstamp!.Value, entry.ExpiresAt);
}
