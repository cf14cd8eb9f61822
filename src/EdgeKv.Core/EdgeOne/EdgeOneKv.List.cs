using EdgeKv.Core.Keys;

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
        var page = await StringKeyModel.ListAsync(_store, prefix, limit, options.Cursor, limit + 1, cancellationToken).ConfigureAwait(false);
        return new EdgeOneListResult(page.Next is null, page.Next, [.. page.Entries.Select(entry => new EdgeOneListKey(entry.Key))]);
    }
}
