using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EdgeKv.Domain.Events;

/// <summary>
/// A "something new was written" signal for live pages that follow a timer-driven writer (usage flushes, node
/// heartbeats) rather than the domain events: it fires every few seconds, and pages that reload on every domain event
/// should not follow it. Each subscriber holds at most one pending signal (older ones merge), so a slow page reloads
/// once, not once per signal.
/// </summary>
/// <typeparam name="T">What a signal carries (e.g. the time it was written).</typeparam>
public abstract class LatestSignal<T>
{
    private readonly ConcurrentDictionary<Channel<T>, byte> _subscribers = new();

    /// <summary>Subscribers right now (for tests).</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>Signals every subscriber.</summary>
    public void Publish(T value)
    {
        foreach (var channel in _subscribers.Keys)
        {
            channel.Writer.TryWrite(value);
        }
    }

    /// <summary>Subscribes now (signals after this call are delivered) until <paramref name="cancellationToken"/> ends.</summary>
    public IAsyncEnumerable<T> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _subscribers.TryAdd(channel, 0);
        var registration = cancellationToken.Register(() => _subscribers.TryRemove(channel, out _));
        return ReadAsync(channel, registration, cancellationToken);
    }

    private async IAsyncEnumerable<T> ReadAsync(
        Channel<T> channel, CancellationTokenRegistration registration, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var value in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return value;
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
            await registration.DisposeAsync().ConfigureAwait(false);
        }
    }
}
