using System.Globalization;
using System.Runtime.CompilerServices;

namespace EdgeKv.Client;

public sealed partial class EdgeKvClient
{
    /// <summary>One page of keys under <paramref name="prefix"/> (string prefix: "a" matches "abc"), in byte order.</summary>
    public async Task<EdgeKvListResult> ListAsync(string? prefix = null, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (prefix is not null)
        {
            query.Add("prefix=" + Uri.EscapeDataString(prefix));
        }

        if (limit is { } count)
        {
            query.Add("limit=" + count.ToString(CultureInfo.InvariantCulture));
        }

        if (cursor is not null)
        {
            query.Add("cursor=" + Uri.EscapeDataString(cursor));
        }

        var path = "keys" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
        var response = await SendAsync(Request(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<EdgeKvListResult>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every key under <paramref name="prefix"/>, page after page.</summary>
    public async IAsyncEnumerable<EdgeKvListedKey> ListAllAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await ListAsync(prefix, null, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var key in page.Keys)
            {
                yield return key;
            }

            cursor = page.Complete ? null : page.Cursor;
        }
        while (cursor is not null);
    }
}
