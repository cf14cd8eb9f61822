using EdgeKv.Core;

namespace EdgeKv.Api.Http;

/// <summary>
/// The limits of the HTTP API on top of the engine's (<see cref="KvLimits"/>), each defined once with one message in
/// <see cref="KvHttpErrors"/>. Values, keys and watched keys keep the engine's limits and messages.
/// </summary>
public static class KvHttpLimits
{
    /// <summary>Largest page of <c>GET .../keys</c>, and its default (Cloudflare's).</summary>
    public const int MaxListLimit = 1000;

    /// <summary>Largest metadata: its JSON text in UTF-8 bytes (Cloudflare's).</summary>
    public const int MaxMetadataBytes = 1024;

    /// <summary>Most items of one bulk write or bulk delete (Cloudflare's).</summary>
    public const int MaxBulkItems = 10_000;

    /// <summary>
    /// Largest bulk request body. The values themselves are bounded by the commit limit (32 MiB); this leaves room for
    /// base64 (4/3), 10,000 keys and metadata, and JSON punctuation.
    /// </summary>
    public const int MaxBulkBodyBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Shortest <c>expiration_ttl</c> in seconds. Cloudflare's minimum is 60 because its edge caches for that long;
    /// EdgeKv expires exactly (an expired key is invisible to every read at once), so one second is meaningful.
    /// </summary>
    public const int MinExpirationTtlSeconds = 1;

    /// <summary>Longest <c>expiration_ttl</c> in seconds (about 68 years).</summary>
    public const int MaxExpirationTtlSeconds = int.MaxValue;
}
