using EdgeKv.Core;
using EdgeKv.Api.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeKv.Api.Http.Watch;

/// <summary>
/// Streams a watch (the events of <see cref="WatchFeed"/>) as Server-Sent Events, with a comment every keep-alive
/// interval; the stream ends when the client leaves, the store closes or the grant ends (its token revoked or expired,
/// its scope or account changed: the client reconnects and is checked again).
/// </summary>
internal static class WatchStream
{
    public static async Task RunAsync(HttpContext context, KvAccessGrant grant, WatchScope scope, Versionstamp? after, TimeSpan keepAlive)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, grant.Lifetime);
        var aborted = ended.Token;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var batches = WatchFeed.Subscribe(grant.Store, scope, after, stop.Token).GetAsyncEnumerator(stop.Token);
        var reads = KvReadCounter.Of(context, grant);
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
                var batch = batches.Current.CountedBy(reads);
                await sse.WriteEventAsync(batch.Id, batch.Initial, batch.Entries, batch.EvenIfEmpty, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away, or the grant ended: nothing more to send.
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
