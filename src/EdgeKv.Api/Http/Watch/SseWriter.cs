using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using EdgeKv.Core;

namespace EdgeKv.Api.Http.Watch;

/// <summary>
/// Writes Server-Sent Events straight into the response pipe: <c>event: change</c>, an <c>id:</c> line when the event
/// is a resumable point, and one <c>data:</c> line of JSON <c>{"versionstamp","initial","keys":[...]}</c> that is
/// streamed entry by entry (a first event may hold a whole prefix), plus <c>:</c> comment lines as keep-alives.
/// </summary>
internal sealed class SseWriter(PipeWriter pipe)
{
    // Bytes of an event's JSON held before they are pushed to the client while it is still being written.
    private const int FlushThresholdBytes = 64 * 1024;

    public async Task CommentAsync(string text, CancellationToken cancellationToken)
    {
        pipe.Write(Encoding.UTF8.GetBytes($": {text}\n\n"));
        await pipe.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Writes one event of <paramref name="entries"/>; when <paramref name="evenIfEmpty"/> is false and there are none,
    /// writes nothing. Returns whether an event was written.
    /// </summary>
    public async Task<bool> WriteEventAsync(
        Versionstamp? id, bool initial, IAsyncEnumerable<WatchedEntry> entries, bool evenIfEmpty, CancellationToken cancellationToken)
    {
        Utf8JsonWriter? json = null;
        try
        {
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                json ??= Begin(id, initial);
                WatchEntryJson.Write(json, entry);
                if (json.BytesPending > FlushThresholdBytes)
                {
                    json.Flush();
                    await pipe.FlushAsync(cancellationToken);
                }
            }

            if (json is null && !evenIfEmpty)
            {
                return false;
            }

            json ??= Begin(id, initial);
            WatchEventJson.WriteEnd(json);
            json.Flush();
            pipe.Write("\n\n"u8);
            await pipe.FlushAsync(cancellationToken);
            return true;
        }
        finally
        {
            json?.Dispose();
        }
    }

    private Utf8JsonWriter Begin(Versionstamp? id, bool initial)
    {
        if (id is { } versionstamp)
        {
            pipe.Write(Encoding.ASCII.GetBytes($"event: change\nid: {versionstamp}\ndata: "));
        }
        else
        {
            pipe.Write("event: change\ndata: "u8);
        }

        var json = new Utf8JsonWriter(pipe, WatchEventJson.Options);
        WatchEventJson.WriteStart(json, id, initial);
        return json;
    }
}
