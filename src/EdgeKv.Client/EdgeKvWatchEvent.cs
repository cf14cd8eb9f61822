using System.Text.Json;

namespace EdgeKv.Client;

/// <summary>
/// One event of a watch. <see cref="Versionstamp"/> is the commit it reports (null for the first event, which holds
/// the current state, <see cref="Initial"/>, or the changes since a resume point); pass the last one seen as
/// <c>after</c> to resume.
/// </summary>
/// <param name="Versionstamp">The commit's versionstamp, or null.</param>
/// <param name="Initial">True for the first event of a watch that did not (or could not) resume: the full current state.</param>
/// <param name="Keys">The keys that changed, with their new state.</param>
public sealed record EdgeKvWatchEvent(string? Versionstamp, bool Initial, IReadOnlyList<EdgeKvWatchedKey> Keys);

/// <summary>A key's state in a watch event.</summary>
/// <param name="Key">The key.</param>
/// <param name="Deleted">True when the key is absent (deleted, expired or never written).</param>
/// <param name="Versionstamp">The versionstamp of its value; null when deleted.</param>
/// <param name="Encoding"><c>text</c>, <c>json</c>, <c>bytes</c>, <c>u64</c> or <c>v8</c>; null when deleted.</param>
/// <param name="Value">The value as sent: a string (text, u64 in decimal, bytes and v8 in base64) or the JSON itself.</param>
public sealed record EdgeKvWatchedKey(string Key, bool Deleted, string? Versionstamp, string? Encoding, JsonElement? Value)
{
    /// <summary>The value as text (JSON values as their JSON text); null when deleted.</summary>
    public string? AsText() => Value switch
    {
        null => null,
        { } v when Encoding is "bytes" or "v8" => System.Text.Encoding.UTF8.GetString(v.GetBytesFromBase64()),
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => v.GetRawText(),
    };

    /// <summary>The value's bytes; null when deleted.</summary>
    public byte[]? AsBytes() => Value switch
    {
        null => null,
        { } v when Encoding is "bytes" or "v8" => v.GetBytesFromBase64(),
        _ => System.Text.Encoding.UTF8.GetBytes(AsText()!),
    };
}
