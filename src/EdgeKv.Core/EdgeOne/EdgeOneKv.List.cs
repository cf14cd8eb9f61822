using System.Numerics;
using System.Text;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Core.EdgeOne;

public sealed partial class EdgeOneKv
{
    /// <summary>
    /// Lists string keys in byte order, EdgeOne style. The page reads one key past the limit: when it exists the
    /// result is incomplete and that key is the cursor (EdgeOne: "the first key of the next page"). Keys written
    /// through the Deno API that are not one-part strings are not string keys and are skipped.
    /// </summary>
    public async Task<EdgeOneListResult> ListAsync(EdgeOneListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EdgeOneListOptions();
        var limit = options.Limit ?? KvLimits.MaxEdgeOneListLimit;
        if (limit is < 1 or > KvLimits.MaxEdgeOneListLimit)
        {
            throw new KvException(KvErrors.EdgeOneListLimit);
        }

        var prefix = options.Prefix ?? string.Empty;
        if (options.Cursor is { } cursor && (!cursor.StartsWith(prefix, StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(cursor) > KvLimits.MaxEdgeOneKeyBytes))
        {
            throw new KvException(KvErrors.InvalidCursor);
        }

        var selector = KvListSelector.Range(KvKey.Of(options.Cursor ?? prefix), EndOfPrefix(prefix));
        var batch = new KvListOptions { BatchSize = limit + 1 };
        var keys = new List<EdgeOneListKey>(limit);
        await foreach (var entry in _store.ListAsync(selector, batch, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Key.Count != 1 || entry.Key[0].Kind != KvKeyPartKind.String)
            {
                continue;
            }

            var key = (string)entry.Key[0].Value;
            if (keys.Count == limit)
            {
                return new EdgeOneListResult(false, key, keys);
            }

            keys.Add(new EdgeOneListKey(key));
        }

        return new EdgeOneListResult(true, null, keys);
    }

    /// <summary>
    /// The smallest key after every string that starts with <paramref name="prefix"/>: the prefix with its last
    /// code point incremented (UTF-8 byte order is code point order). A prefix of only U+10FFFF (or none) has no
    /// such string, so the end is the first non-string key, the integer zero.
    /// </summary>
    private static KvKey EndOfPrefix(string prefix)
    {
        var codePoints = prefix.EnumerateRunes().Select(r => r.Value).ToList();
        while (codePoints.Count > 0 && codePoints[^1] == 0x10FFFF)
        {
            codePoints.RemoveAt(codePoints.Count - 1);
        }

        if (codePoints.Count == 0)
        {
            return KvKey.Of(BigInteger.Zero);
        }

        var next = codePoints[^1] + 1;
        codePoints[^1] = next is >= 0xD800 and <= 0xDFFF ? 0xE000 : next;
        return KvKey.Of(string.Concat(codePoints.Select(char.ConvertFromUtf32)));
    }
}
