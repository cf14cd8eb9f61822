namespace EdgeKv.Web.Services;

/// <summary>
/// Follows an asynchronous stream for a page (domain events, a namespace's change feed) the way the Aspire dashboard
/// does: the loop runs on its own token, hands each item to the page's callback (which marshals to the renderer with
/// <c>InvokeAsync</c>), and <see cref="DisposeAsync"/> cancels it and waits for it to end, so no callback runs after
/// the page is gone. A failing stream ends the loop and is reported to <c>onError</c>; it never crashes the circuit.
/// </summary>
public sealed class LiveFeed : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LiveFeed(Func<CancellationToken, Task> loop) => _loop = Task.Run(() => loop(_stop.Token));

    /// <summary>Starts following <paramref name="subscribe"/>'s stream, calling <paramref name="onItem"/> for each item in order.</summary>
    public static LiveFeed Start<T>(
        Func<CancellationToken, Task<IAsyncEnumerable<T>>> subscribe,
        Func<T, Task> onItem,
        Func<Exception, Task>? onError = null) =>
        new(async token =>
        {
            try
            {
                await foreach (var item in (await subscribe(token)).WithCancellation(token))
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
        });

    /// <summary>Starts following a stream that is available at once.</summary>
    public static LiveFeed Start<T>(Func<CancellationToken, IAsyncEnumerable<T>> subscribe, Func<T, Task> onItem) =>
        Start(token => Task.FromResult(subscribe(token)), onItem);

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
}
