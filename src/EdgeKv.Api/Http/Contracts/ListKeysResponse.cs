using System.Text.Json;

namespace EdgeKv.Api.Http.Contracts;

/// <summary>A page of <c>GET .../keys</c>: EdgeOne's <c>ListResult</c> with Cloudflare's expiration and metadata.</summary>
/// <param name="Complete">True when no key follows this page.</param>
/// <param name="Cursor">When not complete: pass it back as <c>cursor</c> for the next page (it is the next page's first key).</param>
/// <param name="Keys">The page's keys in byte order.</param>
internal sealed record ListKeysResponse(bool Complete, string? Cursor, IReadOnlyList<ListKeysItem> Keys);

/// <summary>One listed key.</summary>
/// <param name="Key">The string key.</param>
/// <param name="Expiration">When it expires, in Unix seconds; null when it does not.</param>
/// <param name="Metadata">The JSON metadata written with its value; null when none.</param>
internal sealed record ListKeysItem(string Key, long? Expiration, JsonElement? Metadata);
