using System.Net.Http.Headers;
using System.Text.Json;

namespace EdgeKv.Client;

public sealed partial class EdgeKvClient
{
    /// <summary>Writes up to 10,000 items all or nothing, in one commit; returns its versionstamp (null for no items).</summary>
    public async Task<string?> PutManyAsync(IEnumerable<EdgeKvBulkItem> items, CancellationToken cancellationToken = default)
    {
        var body = new ByteArrayContentJson(JsonSerializer.SerializeToUtf8Bytes(items.ToArray(), JsonOptions));
        var response = await SendAsync(Request(HttpMethod.Put, "bulk", body), cancellationToken).ConfigureAwait(false);
        return (await ReadJsonAsync<BulkAnswer>(response, cancellationToken).ConfigureAwait(false)).Versionstamp;
    }

    /// <summary>Deletes up to 10,000 keys (and their metadata) all or nothing, in one commit; returns its versionstamp.</summary>
    public async Task<string?> DeleteManyAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var body = new ByteArrayContentJson(JsonSerializer.SerializeToUtf8Bytes(keys.ToArray(), JsonOptions));
        var response = await SendAsync(Request(HttpMethod.Post, "bulk/delete", body), cancellationToken).ConfigureAwait(false);
        return (await ReadJsonAsync<BulkAnswer>(response, cancellationToken).ConfigureAwait(false)).Versionstamp;
    }

    /// <summary>A JSON body with its length known, so the server can refuse an oversized one before reading it.</summary>
    private sealed class ByteArrayContentJson : ByteArrayContent
    {
        public ByteArrayContentJson(byte[] json)
            : base(json) => Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }
}
