using System.Text.Json;

namespace EdgeKv.Client;

/// <summary>A page of keys; when not <see cref="Complete"/>, pass <see cref="Cursor"/> back for the next page.</summary>
/// <param name="Complete">True when no key follows.</param>
/// <param name="Cursor">The next page's cursor (its first key); null when complete.</param>
/// <param name="Keys">The page's keys in byte order.</param>
public sealed record EdgeKvListResult(bool Complete, string? Cursor, IReadOnlyList<EdgeKvListedKey> Keys);

/// <summary>One listed key.</summary>
/// <param name="Key">The key.</param>
/// <param name="Expiration">When it expires, in Unix seconds; null when it does not.</param>
/// <param name="Metadata">Its metadata; null when none.</param>
public sealed record EdgeKvListedKey(string Key, long? Expiration, JsonElement? Metadata);
