using System.Runtime.CompilerServices;
using EdgeKv.Api.Http.Keys;
using EdgeKv.Core;
using EdgeKv.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeKv.Api.Http.Watch;

/// <summary>
/// Streams a watch as Server-Sent Events over the store's change feed (<see cref="IKvStore.ChangesAsync"/>), which is
/// subscribed before anything is read, so no commit can fall between the first event and the live ones.
/// <list type="bullet">
/// <item>First event (<c>"initial": true</c>, no id): the current state, as Deno's watch starts. When resuming
/// (<c>after</c>), instead the keys whose versionstamp is newer than <c>after</c> (and, for a keys watch, the absent
/// ones), and no event when there are none.</item>
/// <item>Then one event per commit touching a covered key, its id the commit's versionstamp, holding each such key's
/// state as of that commit: a key already rewritten by a later commit is left to that commit's event, so an id
/// never claims a state it does not hold. Resuming from an id therefore misses nothing but deletions made while
/// away under a prefix (a deleted key leaves no versionstamp to compare; see docs/http-api.md).</item>
/// <item>A comment every keep-alive interval; the stream ends when the client leaves or the store closes.</item>
/// </list>
/// </summary>
internal static class WatchStream
{
    public static async Task RunAsync(HttpContext context, IKvStore store, WatchScope scope, Versionstamp? after, TimeSpan keepAlive)
    {
        var aborted = context.RequestAborted;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var changes = store.ChangesAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Task<bool>? pending = null;
        try
        {
            var sse = Start(context);
            await sse.CommentAsync("watching", aborted);
            await sse.WriteEventAsync(null, after is null, FirstEntriesAsync(store, scope, after, aborted), evenIfEmpty: after is null, aborted);
            while (true)
            {
                pending = changes.MoveNextAsync().AsTask();
                if (!await NextOrKeepAliveAsync(sse, pending, keepAlive, aborted))
                {
                    return;
                }

                pending = null;
                var change = changes.Current;
                if (after is { } resumedFrom && change.Versionstamp <= resumedFrom)
                {
                    continue;
                }

                await sse.WriteEventAsync(change.Versionstamp, false, ChangedEntriesAsync(store, scope, change, aborted), evenIfEmpty: false, aborted);
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
            await changes.DisposeAsync();
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

    private static async IAsyncEnumerable<WatchedEntry> FirstEntriesAsync(
        IKvStore store, WatchScope scope, Versionstamp? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var watched in scope.ReadCurrentAsync(store, cancellationToken))
        {
            if (after is not { } resumedFrom || watched.Entry.Versionstamp is not { } versionstamp || versionstamp > resumedFrom)
            {
                yield return watched;
            }
        }
    }

    /// <summary>The covered keys of a change as of that change (read in snapshots of up to 10 keys).</summary>
    private static async IAsyncEnumerable<WatchedEntry> ChangedEntriesAsync(
        IKvStore store, WatchScope scope, KvChange change, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keys = change.Keys
            .Select(k => StringKeys.TryGetString(k, out var key) ? key : null)
            .OfType<string>()
            .Where(scope.Covers)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var chunk in keys.Chunk(KvLimits.MaxReadRanges))
        {
            var entries = await store.GetManyAsync(chunk.Select(StringKeys.ToTupleKey).ToList(), cancellationToken: cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (entries[i].Versionstamp is not { } versionstamp || versionstamp <= change.Versionstamp)
                {
                    yield return new WatchedEntry(chunk[i], entries[i]);
                }
            }
        }
    }

    /// <summary>Waits for the next change, sending a keep-alive comment each time <paramref name="interval"/> passes first.</summary>
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
    }
}
