using EdgeKv.Core.Diagnostics;

namespace EdgeKv.Core.BackendKit;

/// <summary>
/// When a store sweeps its expired rows, the same for every backend: it sleeps until the earliest expiry it knows is
/// due (or a commit sets an earlier one, or <c>maxInterval</c> passes, for expiries it cannot know of), then asks the
/// store to sweep. Expired rows are already invisible to reads; the sweep reclaims their space, corrects the stats
/// and publishes their removal, which is what wakes watchers of an expiring key. A failed sweep is logged and retried
/// after <c>maxInterval</c>; a sweep that found nothing while an expiry is still due (another node holds the sweep)
/// is retried after a pause, not at once. Ends when disposed or when the store has closed. The backend supplies the
/// sweep itself and tells this the expiries it learns.
/// </summary>
internal sealed class KvExpirySweeper : IAsyncDisposable
{
    private readonly TimeProvider _clock;
    private readonly long _longestMs;
    private readonly Func<Task<int>> _sweepAsync;
    private readonly Action<Exception, long> _logFailure;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _earliestExpiryMs;

    /// <param name="earliestExpiryMs">The earliest expiry stored when the store opened (<see cref="long.MaxValue"/>: none).</param>
    /// <param name="maxInterval">The longest sleep, and the pause after a failed sweep.</param>
    /// <param name="clock">The store's clock, which expiries are measured against.</param>
    /// <param name="sweepAsync">Removes one batch of the rows expired by now; returns how many.</param>
    /// <param name="logFailure">Logs a failed sweep with the milliseconds until the next attempt.</param>
    public KvExpirySweeper(
        long earliestExpiryMs, TimeSpan maxInterval, TimeProvider clock, Func<Task<int>> sweepAsync, Action<Exception, long> logFailure)
    {
        _earliestExpiryMs = earliestExpiryMs;
        _clock = clock;
        _longestMs = (long)maxInterval.TotalMilliseconds;
        _sweepAsync = sweepAsync;
        _logFailure = logFailure;
    }

    /// <summary>
    /// Starts the background loop, once the store is fully built (a sweep may begin at once). A store whose tests
    /// sweep by hand does not start it.
    /// </summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>A durable commit set rows expiring at <paramref name="expiryMs"/> at the earliest: wakes the sweeper if sooner.</summary>
    public void ExpirySet(long expiryMs)
    {
        if (expiryMs >= Volatile.Read(ref _earliestExpiryMs))
        {
            return;
        }

        Volatile.Write(ref _earliestExpiryMs, expiryMs);
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken: one wake-up is enough.
            }
        }
    }

    /// <summary>A sweep left <paramref name="expiryMs"/> as the earliest expiry stored (replaces what was known).</summary>
    public void EarliestLeft(long expiryMs) => Volatile.Write(ref _earliestExpiryMs, expiryMs);

    /// <summary>Stops the loop and waits for it (a sweep under way finishes first).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var dueInMs = Volatile.Read(ref _earliestExpiryMs) - NowMs();
                if (dueInMs > 0
                    && await _wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(dueInMs + 1, _longestMs)), cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var removed = await _sweepAsync().ConfigureAwait(false);
                if (removed == 0 && Volatile.Read(ref _earliestExpiryMs) <= NowMs())
                {
                    // Another node holds the sweep lock: look again after a pause, not at once.
                    await _wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(1000, _longestMs)), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KvException e) when (e.Code == KvErrorCode.StoreClosed)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed sweep (disk full, the server away) is retried later; expired rows stay invisible meanwhile.
                KvMetrics.BackgroundFailed("sweep");
                _logFailure(e, _longestMs);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(_longestMs), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
