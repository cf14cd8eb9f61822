using System.Text.Json;

namespace EdgeKv.Client;

/// <summary>A value read with everything the server says about it.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The stored bytes.</param>
/// <param name="Encoding">How it is stored: <c>text</c>, <c>json</c>, <c>bytes</c>, <c>u64</c> or <c>v8</c>.</param>
/// <param name="Versionstamp">The versionstamp of the commit that wrote it (pass it to <see cref="EdgeKvPutOptions.IfVersionstamp"/>).</param>
/// <param name="ExpiresAt">When it expires; null when it does not.</param>
/// <param name="Metadata">Its metadata; null when none.</param>
public sealed record EdgeKvEntry(string Key, byte[] Value, string Encoding, string Versionstamp, DateTimeOffset? ExpiresAt, JsonElement? Metadata)
{
    /// <summary>The value as UTF-8 text.</summary>
    public string AsText() => System.Text.Encoding.UTF8.GetString(Value);

    /// <summary>The value deserialized from JSON.</summary>
    public T? AsJson<T>(JsonSerializerOptions? options = null) => JsonSerializer.Deserialize<T>(Value, options ?? EdgeKvClient.JsonOptions);
}
