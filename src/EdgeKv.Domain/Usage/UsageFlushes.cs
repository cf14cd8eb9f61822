using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EdgeKv.Domain.Usage;

/// <summary>
/// Tells live usage charts that a flush wrote new minutes. Separate from the domain events on purpose: it fires every
/// few seconds while anything is used, and pages that reload on every domain event should not follow it. Each
/// subscriber holds at most one pending signal (older ones merge), so a slow page reloads once, not once per flush.
/// </summary>
public sealed class UsageFlushes
{
    private readonly ConcurrentDictionary<Channel<DateTime>, byte> _subscribers = new();

    /// <summary>Subscribers right now (for tests).</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>Signals every subscriber that the minutes up to <paramref name="flushedAt"/> (UTC) are written.</summary>
    public void Publish(DateTime flushedAt)
    {
        foreach (var channel in _subscribers.Keys)
        {
            channel.Writer.TryWrite(flushedAt);
        }
    }

    /// <summary>Subscribes now (signals after this call are delivered) until <paramref name="cancellationToken"/> ends.</summary>
    public IAsyncEnumerable<DateTime> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<DateTime>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _subscribers.TryAdd(channel, 0);
        var registration = cancellationToken.Register(() => _subscribers.TryRemove(channel, out _));
        return ReadAsync(channel, registration, cancellationToken);
    }

    private async IAsyncEnumerable<DateTime> ReadAsync(
        Channel<DateTime> channel, CancellationTokenRegistration registration, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var flushedAt in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return flushedAt;
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
            await registration.DisposeAsync().ConfigureAwait(false);
        }
    }
}
