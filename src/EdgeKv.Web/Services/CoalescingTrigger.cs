using System.Threading.Channels;

namespace EdgeKv.Web.Services;

/// <summary>
/// Turns bursts of signals into few runs of one action: the first signal runs it at once, and every signal that
/// arrives while it runs or within the interval after it is merged into a single further run. So a client committing
/// 10,000 times makes a page re-read its figures a few times a second, not 10,000 times, while a lone commit shows at
/// once. Nothing polls: with no signal pending the loop waits. <see cref="DisposeAsync"/> stops the loop and waits
/// for a run in progress, so no run starts after it returns. The action must not throw (a page's load keeps its own
/// errors); an exception would end the loop and be rethrown by <see cref="DisposeAsync"/>.
/// </summary>
public sealed class CoalescingTrigger : IAsyncDisposable
{
    /// <summary>
    /// The shortest time between two re-reads of a live console view while changes keep arriving: a few a second
    /// still reads as live to a person and costs the server little.
    /// </summary>
    public static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(250);

    // One slot: a signal while one is already pending adds nothing, which is the whole merging.
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts the loop; <paramref name="action"/> runs at most once per <paramref name="interval"/>.</summary>
    public CoalescingTrigger(TimeSpan interval, Func<CancellationToken, Task> action)
    {
        _loop = Task.Run(() => RunAsync(interval, action, _stop.Token));
    }

    /// <summary>Asks for a run; never blocks, and is merged with any run already asked for.</summary>
    public void Signal() => _pending.Writer.TryWrite(true);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, Func<CancellationToken, Task> action, CancellationToken token)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(token))
            {
                _pending.Reader.TryRead(out _);
                await action(token);

                // Signals arriving during the run and this pause collect in the one slot and make one more run.
                await Task.Delay(interval, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
