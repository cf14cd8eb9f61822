using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>Reads back, strongly (the HTTP API's default), what a <see cref="WriteLoad"/> wrote, through one node.</summary>
internal static class StrongReads
{
    private const int Concurrency = 16;

    /// <summary>
    /// Each acknowledged write read through <paramref name="url"/>: the ones not there with the value and versionstamp
    /// acknowledged, described (empty when every one is).
    /// </summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(string url, string storeId, string token, IEnumerable<AcknowledgedWrite> writes)
    {
        using var http = Client(url, token);
        var missing = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (write, _) =>
        {
            using var read = await http.GetAsync($"/api/v1/namespaces/{storeId}/values/{write.Key}?type=text");
            var value = await read.Content.ReadAsStringAsync();
            if (read.StatusCode != HttpStatusCode.OK || value != write.Key || read.Headers.ETag?.Tag != $"\"{write.Versionstamp}\"")
            {
                missing.Enqueue($"{write.Key} (acknowledged by {write.Node} at {write.Versionstamp}): {(int)read.StatusCode} {value} {read.Headers.ETag}");
            }
        });
        return [.. missing];
    }

    /// <summary>How many keys under <paramref name="prefix"/> the namespace holds, listed a page at a time through <paramref name="url"/>.</summary>
    public static async Task<int> CountAsync(string url, string storeId, string token, string prefix)
    {
        using var http = Client(url, token);
        var count = 0;
        string? cursor = null;
        do
        {
            var query = $"prefix={Uri.EscapeDataString(prefix)}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var page = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/namespaces/{storeId}/keys?{query}"));
            count += page.RootElement.GetProperty("keys").GetArrayLength();
            cursor = page.RootElement.GetProperty("complete").GetBoolean() ? null : page.RootElement.GetProperty("cursor").GetString();
        }
        while (cursor is not null);
        return count;
    }

    private static HttpClient Client(string url, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = WriteLoad.RequestTimeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
