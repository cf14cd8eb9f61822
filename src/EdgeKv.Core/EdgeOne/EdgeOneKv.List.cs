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
            throw new KvException(KvErrorCode.EdgeOneListLimit);
        }

        var prefix = options.Prefix ?? string.Empty;
        if (options.Cursor is { } cursor && (!cursor.StartsWith(prefix, StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(cursor) > KvLimits.MaxEdgeOneKeyBytes))
        {
            throw new KvException(KvErrorCode.InvalidCursor);
        }

        var selector = KvListSelector.Range(KvKey.Of(options.Cursor ?? prefix), KvStringKeys.EndOfPrefix(prefix));
        var batch = new KvListOptions { BatchSize = limit + 1 };
        var keys = new List<EdgeOneListKey>(limit);
        await foreach (var entry in _store.ListAsync(selector, batch, cancellationToken).ConfigureAwait(false))
        {
            if (!KvStringKeys.TryGetString(entry.Key, out var key))
            {
                continue;
            }

            if (keys.Count == limit)
            {
                return new EdgeOneListResult(false, key, keys);
            }

            keys.Add(new EdgeOneListKey(key));
        }

        return new EdgeOneListResult(true, null, keys);
    }
}
