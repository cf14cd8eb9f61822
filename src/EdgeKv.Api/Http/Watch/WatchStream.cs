using EdgeKv.Core;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeKv.Api.Http.Watch;

/// <summary>
/// Streams a watch (the events of <see cref="WatchFeed"/>) as Server-Sent Events, with a comment every keep-alive
/// interval; the stream ends when the client leaves or the store closes.
/// </summary>
internal static class WatchStream
{
    public static async Task RunAsync(HttpContext context, IKvStore store, WatchScope scope, Versionstamp? after, TimeSpan keepAlive)
    {
        var aborted = context.RequestAborted;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var batches = WatchFeed.Subscribe(store, scope, after, stop.Token).GetAsyncEnumerator(stop.Token);
        Task<bool>? pending = null;
        try
        {
            var sse = Start(context);
            await sse.CommentAsync("watching", aborted);
            while (true)
            {
                pending = batches.MoveNextAsync().AsTask();
                if (!await NextOrKeepAliveAsync(sse, pending, keepAlive, aborted))
                {
                    return;
                }

                pending = null;
                var batch = batches.Current;
                await sse.WriteEventAsync(batch.Id, batch.Initial, batch.Entries, batch.EvenIfEmpty, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: nothing more to send.
        }
        catch (KvException)
        {
            // The store closed under the stream (namespace deleted, server stopping): end it; the client reconnects.
        }
        finally
        {
            await stop.CancelAsync();
            await DrainAsync(pending);
            await batches.DisposeAsync();
        }
    }

    private static SseWriter Start(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        return new SseWriter(context.Response.BodyWriter);
    }

    /// <summary>Waits for the next event, sending a keep-alive comment each time <paramref name="interval"/> passes first.</summary>
    private static async Task<bool> NextOrKeepAliveAsync(SseWriter sse, Task<bool> next, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await next.WaitAsync(interval, cancellationToken);
            }
            catch (TimeoutException)
            {
                await sse.CommentAsync("keep-alive", cancellationToken);
            }
        }
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
        catch (KvException)
        {
            // The store closed while the read was pending: the stream ends all the same.
        }
    }
}
