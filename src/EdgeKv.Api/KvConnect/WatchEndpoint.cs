using EdgeKv.Api.Access;
using System.Buffers.Binary;
using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Core;
using EdgeKv.Core.Keys;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using EdgeKv.Api.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// <c>POST .../watch</c> (protocol version 3): streams the watched keys' state as 4-byte little-endian
/// length-prefixed <see cref="WatchOutput"/> frames, the first with every key, each later one when a key's
/// versionstamp changed (marking which), and an empty frame as a keep-alive when nothing happened for a while. The
/// stream follows the engine's <c>WatchAsync</c> and ends when the client goes away or the store closes (clients
/// reconnect, and so re-check their token).
/// </summary>
internal static class WatchEndpoint
{
    private const long MaxBodyBytes = 1024 * 1024;

    public static async Task HandleAsync(HttpContext context, string namespaceId, KvConnectOptions options)
    {
        var request = await DataPathRequest.AcceptAsync(context, namespaceId, MaxBodyBytes);
        if (request is null)
        {
            return;
        }

        if (request.ProtocolVersion < 3)
        {
            await KvConnectHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, KvConnectErrors.WatchNeedsVersion3);
            return;
        }

        using var lease = context.RequestServices.GetRequiredService<WatchStreamGate>().TryOpen(request.Grant, WatchProtocols.KvConnect);
        if (lease is null)
        {
            await KvConnectHttp.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, KvAccessErrors.TooManyWatchStreams);
            return;
        }

        await KvConnectHttp.GuardAsync(context, async () =>
        {
            var watch = Watch.Parser.ParseFrom(request.Body);
            var keys = watch.Keys.Select(k => KvKey.Decode(k.Key.Span)).ToList();
            // Ends with the client or with the grant (token revoked or expired, scope or account changed): the client
            // then reconnects and is checked again.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, request.Grant.Lifetime);
            var updates = request.Grant.Store.WatchAsync(keys, stop.Token).GetAsyncEnumerator(stop.Token);
            Task<bool>? pending = null;
            try
            {
                // The first state is awaited before answering, so a refused watch (too many keys) is still a 400.
                if (!await updates.MoveNextAsync())
                {
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/octet-stream";
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

                var sent = new Versionstamp?[keys.Count];
                var reads = KvReadCounter.Of(context, request.Grant);
                var first = true;
                while (true)
                {
                    if (Frame(updates.Current, sent, first, reads) is { } frame)
                    {
                        await WriteFrameAsync(context, frame.ToByteArray(), stop.Token);
                    }

                    first = false;
                    pending = updates.MoveNextAsync().AsTask();
                    if (!await NextOrKeepAliveAsync(context, pending, options.WatchKeepAliveInterval, stop.Token))
                    {
                        return;
                    }

                    pending = null;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The client went away, or the grant ended: the stream ends.
            }
            finally
            {
                await stop.CancelAsync();
                await DrainAsync(pending);
                await updates.DisposeAsync();
            }
        });
    }

    /// <summary>
    /// The frame for the latest state, marking keys whose versionstamp changed; null when none did. The values it
    /// carries (the changed keys') count toward the token's bytes read.
    /// </summary>
    private static WatchOutput? Frame(IReadOnlyList<Core.Store.KvEntry> entries, Versionstamp?[] sent, bool first, KvReadCounter reads)
    {
        var output = new WatchOutput { Status = SnapshotReadStatus.SrSuccess };
        var anyChanged = false;
        for (var i = 0; i < entries.Count; i++)
        {
            var changed = first || entries[i].Versionstamp != sent[i];
            sent[i] = entries[i].Versionstamp;
            anyChanged |= changed;
            if (changed)
            {
                reads.Count(entries[i]);
            }

            output.Keys.Add(changed
                ? new WatchKeyOutput { Changed = true, EntryIfChanged = KvValueWire.ToWire(entries[i]) }
                : new WatchKeyOutput { Changed = false });
        }

        return anyChanged ? output : null;
    }

    /// <summary>Waits for the next state, sending a keep-alive frame each time <paramref name="interval"/> passes first.</summary>
    private static async Task<bool> NextOrKeepAliveAsync(HttpContext context, Task<bool> next, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await next.WaitAsync(interval, cancellationToken);
            }
            catch (TimeoutException)
            {
                await WriteFrameAsync(context, [], cancellationToken);
            }
        }
    }

    private static async Task WriteFrameAsync(HttpContext context, byte[] message, CancellationToken cancellationToken)
    {
        var frame = new byte[4 + message.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, message.Length);
        message.CopyTo(frame, 4);
        await context.Response.Body.WriteAsync(frame, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Waits out a pending read (an async iterator cannot be disposed mid-read), ignoring how it ends.</summary>
    private static async Task DrainAsync(Task<bool>? pending)
    {
        if (pending is null)
        {
            return;
        }

        try
        {
            await pending;
        }
        catch (OperationCanceledException)
        {
            // Expected: the read was cancelled to stop the watch.
        }
    }
}
