using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EdgeKv.Client;

public sealed partial class EdgeKvClient
{
    /// <summary>
    /// Watches up to 10 keys (Deno's <c>kv.watch</c>): first their current state, then an event whenever any of them
    /// changes. With <paramref name="after"/> (the <see cref="EdgeKvWatchEvent.Versionstamp"/> of the last event seen)
    /// it resumes: first the keys changed since then. Ends when <paramref name="cancellationToken"/> is cancelled or the
    /// server closes the stream.
    /// </summary>
    public IAsyncEnumerable<EdgeKvWatchEvent> WatchAsync(IEnumerable<string> keys, string? after = null, CancellationToken cancellationToken = default) =>
        WatchCoreAsync(string.Join('&', keys.Select(k => "key=" + Uri.EscapeDataString(k))), after, cancellationToken);

    /// <summary>
    /// Watches every key under a string prefix: first their current state, then an event per commit that changes any.
    /// Resuming with <paramref name="after"/> first sends the keys written and deleted since then; when the server no
    /// longer remembers deletions that far back, it starts over instead with an <see cref="EdgeKvWatchEvent.Initial"/>
    /// event holding the full state, which replaces what the caller had.
    /// </summary>
    public IAsyncEnumerable<EdgeKvWatchEvent> WatchPrefixAsync(string prefix, string? after = null, CancellationToken cancellationToken = default) =>
        WatchCoreAsync("prefix=" + Uri.EscapeDataString(prefix), after, cancellationToken);

    private async IAsyncEnumerable<EdgeKvWatchEvent> WatchCoreAsync(string query, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (after is not null)
        {
            query += "&after=" + Uri.EscapeDataString(after);
        }

        var request = Request(HttpMethod.Get, "watch?" + query);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await SendAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        var events = new ServerSentEventReader(reader);
        while (await events.ReadAsync(cancellationToken).ConfigureAwait(false) is { } sse)
        {
            if (sse.Event == "change")
            {
                yield return Parse(sse.Data);
            }
        }
    }

    private static EdgeKvWatchEvent Parse(string data)
    {
        using var json = JsonDocument.Parse(data);
        var root = json.RootElement;
        var keys = root.GetProperty("keys").EnumerateArray().Select(k => new EdgeKvWatchedKey(
            k.GetProperty("key").GetString()!,
            k.TryGetProperty("deleted", out var deleted) && deleted.GetBoolean(),
            k.TryGetProperty("versionstamp", out var versionstamp) ? versionstamp.GetString() : null,
            k.TryGetProperty("encoding", out var encoding) ? encoding.GetString() : null,
            k.TryGetProperty("value", out var value) ? value.Clone() : null)).ToList();
        return new EdgeKvWatchEvent(root.GetProperty("versionstamp").GetString(), root.GetProperty("initial").GetBoolean(), keys);
    }
}
