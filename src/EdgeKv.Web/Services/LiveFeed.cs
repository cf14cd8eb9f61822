namespace EdgeKv.Web.Services;

/// <summary>
/// Follows an asynchronous stream for a page (domain events, a namespace's change feed) the way the Aspire dashboard
/// does: the page subscribes first and loads its data second (so nothing committed in between is missed), the loop
/// runs on its own token and hands each item to the page's callback (which marshals to the renderer with
/// <c>InvokeAsync</c>), and <see cref="DisposeAsync"/> cancels the loop and waits for it to end, so no callback runs
/// after the page is gone. A stream that fails later ends the loop and is reported to <c>onError</c>; it never
/// crashes the circuit.
/// </summary>
public sealed class LiveFeed : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    private LiveFeed(CancellationTokenSource stop, Task loop)
    {
        _stop = stop;
        _loop = loop;
    }

    /// <summary>
    /// Subscribes (the returned task completes once the subscription is in place; a refusal, such as a namespace the
    /// user may not read, is thrown here) and then follows the stream in the background.
    /// </summary>
    public static async Task<LiveFeed> StartAsync<T>(
        Func<CancellationToken, Task<IAsyncEnumerable<T>>> subscribe,
        Func<T, Task> onItem,
        Func<Exception, Task>? onError = null)
    {
        var stop = new CancellationTokenSource();
        try
        {
            var stream = await subscribe(stop.Token);
            return new LiveFeed(stop, Task.Run(() => FollowAsync(stream, onItem, onError, stop.Token)));
        }
        catch
        {
            stop.Dispose();
            throw;
        }
    }

    /// <summary>Follows a stream that subscribes when it is created (<c>IDomainEvents.Subscribe</c>).</summary>
    public static LiveFeed Start<T>(Func<CancellationToken, IAsyncEnumerable<T>> subscribe, Func<T, Task> onItem)
    {
        var stop = new CancellationTokenSource();
        var stream = subscribe(stop.Token);
        return new LiveFeed(stop, Task.Run(() => FollowAsync(stream, onItem, null, stop.Token)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Ended by the cancellation above.
        }

        _stop.Dispose();
    }

    private static async Task FollowAsync<T>(IAsyncEnumerable<T> stream, Func<T, Task> onItem, Func<Exception, Task>? onError, CancellationToken token)
    {
        try
        {
            await foreach (var item in stream.WithCancellation(token))
            {
                await onItem(item);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed: the page is gone.
        }
        catch (Exception exception) when (onError is not null)
        {
            await onError(exception);
        }
    }
}
