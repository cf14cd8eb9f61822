using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeKv.Api.Http.Contracts;

/// <summary>One item of a bulk write, as documented in the OpenAPI document (the endpoint reads the JSON itself).</summary>
/// <param name="Key">The string key (1..512 UTF-8 bytes).</param>
/// <param name="Value">A string (text, or base64 bytes when <paramref name="Base64"/>), or any other JSON value (stored as JSON).</param>
/// <param name="Base64">True when <paramref name="Value"/> is base64 of raw bytes.</param>
/// <param name="ExpirationTtl">Seconds until the key expires (>= 1).</param>
/// <param name="Metadata">JSON metadata (at most 1024 bytes).</param>
internal sealed record BulkWriteRequestItem(
    string Key,
    JsonElement Value,
    bool? Base64,
    [property: JsonPropertyName("expiration_ttl")] long? ExpirationTtl,
    JsonElement? Metadata);
