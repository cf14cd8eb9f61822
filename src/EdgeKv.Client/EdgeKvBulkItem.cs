using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeKv.Client;

/// <summary>One item of <see cref="EdgeKvClient.PutManyAsync"/>; make it with <see cref="Text"/>, <see cref="Bytes"/> or <see cref="Json"/>.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">A string (text, or base64 when <paramref name="Base64"/>) or any other JSON value.</param>
/// <param name="Base64">True when <paramref name="Value"/> is base64 bytes.</param>
/// <param name="ExpirationTtl">Seconds until the key expires.</param>
/// <param name="Metadata">Metadata stored with the value.</param>
public sealed record EdgeKvBulkItem(
    string Key,
    JsonElement Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Base64 = false,
    [property: JsonPropertyName("expiration_ttl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ExpirationTtl = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Metadata = null)
{
    /// <summary>A text value.</summary>
    public static EdgeKvBulkItem Text(string key, string text, long? expirationTtl = null, object? metadata = null) =>
        new(key, JsonSerializer.SerializeToElement(text), false, expirationTtl, ToElement(metadata));

    /// <summary>A bytes value.</summary>
    public static EdgeKvBulkItem Bytes(string key, byte[] bytes, long? expirationTtl = null, object? metadata = null) =>
        new(key, JsonSerializer.SerializeToElement(Convert.ToBase64String(bytes)), true, expirationTtl, ToElement(metadata));

    /// <summary>A JSON value (stored as JSON; a string would be stored as text).</summary>
    public static EdgeKvBulkItem Json<T>(string key, T value, long? expirationTtl = null, object? metadata = null) =>
        new(key, JsonSerializer.SerializeToElement(value, EdgeKvClient.JsonOptions), false, expirationTtl, ToElement(metadata));

    private static JsonElement? ToElement(object? metadata) => metadata is null ? null : JsonSerializer.SerializeToElement(metadata, EdgeKvClient.JsonOptions);
}
