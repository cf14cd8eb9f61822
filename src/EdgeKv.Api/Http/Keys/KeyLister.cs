using EdgeKv.Api.Http.Contracts;
using EdgeKv.Api.Http.Metadata;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Api.Http.Keys;

/// <summary>
/// Lists string keys under a string prefix ("a" matches "abc") in byte order, a page at a time. The page reads one key
/// past the limit: when it exists the page is incomplete and that key is the cursor, so a cursor names a key, not a
/// position, and stays valid across writes and restarts (EdgeOne's rule: the cursor is the next page's first key).
/// Keys that are not one-part strings (written by Deno clients) and metadata companions are not string keys and are
/// skipped.
/// </summary>
internal static class KeyLister
{
    // Entries come with their values, which this listing drops: reading in small batches bounds the memory they take.
    private const int BatchSize = 100;

    public static async Task<ListKeysResponse> ListAsync(
        IKvStore store, string prefix, int limit, string? cursor, KvConsistency consistency, CancellationToken cancellationToken)
    {
        var page = await StringKeyModel.ListAsync(store, prefix, limit, cursor, BatchSize, cancellationToken, consistency);
        var listed = page.Entries.Select(entry => ListedKey.From(entry.Key, entry.Entry)).ToList();
        var next = page.Next;
        var withMetadata = await MetadataReader.ForListedAsync(store, listed, cancellationToken, consistency);
        var items = withMetadata.Select(k => new ListKeysItem(k.Key.Key, k.Key.ExpiresAt?.ToUnixTimeSeconds(), k.Metadata)).ToList();
        return new ListKeysResponse(next is null, next, items);
    }

    /// <summary>The page size asked for: 1..<see cref="KvHttpLimits.MaxListLimit"/>, by default the largest.</summary>
    public static int ParseLimit(string? limit)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return KvHttpLimits.MaxListLimit;
        }

        return int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= KvHttpLimits.MaxListLimit
            ? value
            : throw KvHttpRequestException.BadRequest(KvHttpErrors.ListLimit);
    }

    /// <summary>A cursor this listing could have produced: a key under the prefix (<see cref="KvErrors.InvalidCursor"/>).</summary>
    public static string? ParseCursor(string? cursor, string prefix) => StringKeyModel.ParseCursor(cursor, prefix);
}
