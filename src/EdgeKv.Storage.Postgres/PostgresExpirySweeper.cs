using EdgeKv.Core;
using EdgeKv.Core.Diagnostics;

namespace EdgeKv.Storage.Postgres;

/// <summary>
/// Sleeps until the earliest expiry this node knows of is due (or <see cref="PostgresKvStoreOptions.MaxExpirySweepInterval"/>
/// passes, for expiries other nodes wrote), then sweeps through the writer. Expired rows are already invisible to
/// reads; the sweep reclaims their space, corrects the stats and publishes their removal, which wakes watchers. Of
/// several nodes only one sweeps a namespace at a time (an advisory lock); the others find nothing left to remove.
/// </summary>
internal sealed class PostgresExpirySweeper : IAsyncDisposable
{
    private readonly PostgresCommitWriter _writer;
    private readonly PostgresKvStoreOptions _options;
    private readonly string _name;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _earliestExpiryMs;

    public PostgresExpirySweeper(PostgresCommitWriter writer, PostgresKvStoreOptions options, string name, long earliestExpiryMs)
    {
        _writer = writer;
        _options = options;
        _name = name;
        _earliestExpiryMs = earliestExpiryMs;
        writer.ExpiryKnown += OnExpiryKnown;
        _loop = options.RunsBackgroundSweeper ? Task.Run(() => RunAsync(_stop.Token)) : Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _writer.ExpiryKnown -= OnExpiryKnown;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private void OnExpiryKnown(long expiryMs, bool replaces)
    {
        if (replaces)
        {
            Volatile.Write(ref _earliestExpiryMs, expiryMs);
            return;
        }

        if (expiryMs < Volatile.Read(ref _earliestExpiryMs))
        {
            Volatile.Write(ref _earliestExpiryMs, expiryMs);
            if (_wake.CurrentCount == 0)
            {
                try
                {
                    _wake.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already woken.
                }
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var longest = (long)_options.MaxExpirySweepInterval.TotalMilliseconds;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var dueInMs = Volatile.Read(ref _earliestExpiryMs) - _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
                if (dueInMs > 0
                    && await _wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(dueInMs + 1, longest)), cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var removed = await _writer.SweepAsync().ConfigureAwait(false);
                if (removed == 0 && Volatile.Read(ref _earliestExpiryMs) <= _options.Clock.GetUtcNow().ToUnixTimeMilliseconds())
                {
                    // Another node holds the sweep lock: look again after a pause, not at once.
                    await _wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(1000, longest)), cancellationToken).ConfigureAwait(false);
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
                // A failed sweep (the server away) is retried later; expired rows stay invisible meanwhile.
                KvMetrics.BackgroundFailed("sweep");
                PostgresLog.SweepFailed(_options.Logger, _name, longest, e);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(longest), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
