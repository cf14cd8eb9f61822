using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EdgeKv.Domain.Events;

/// <summary>The <see cref="IDomainEvents"/> of a process: one bounded channel per subscriber.</summary>
public sealed class DomainEventHub : IDomainEvents
{
    /// <summary>Events kept for a subscriber that is not reading; older ones are dropped.</summary>
    public const int SubscriberBufferSize = 256;

    private readonly ConcurrentDictionary<Channel<DomainEvent>, byte> _subscribers = new();
    private readonly IDomainEventObserver[] _observers;

    /// <summary>A hub with no synchronous observers.</summary>
    public DomainEventHub()
        : this([])
    {
    }

    /// <summary>A hub that tells <paramref name="observers"/> of each event before its subscribers.</summary>
    public DomainEventHub(IEnumerable<IDomainEventObserver> observers) => _observers = [.. observers];

    /// <summary>Subscribers right now (for tests and diagnostics).</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <inheritdoc />
    public void Publish(DomainEvent domainEvent)
    {
        foreach (var observer in _observers)
        {
            observer.OnPublished(domainEvent);
        }

        foreach (var channel in _subscribers.Keys)
        {
            channel.Writer.TryWrite(domainEvent);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<DomainEvent> Subscribe(CancellationToken cancellationToken)
    {
        // Registered here, not inside the iterator, so nothing published between this call and the first
        // MoveNextAsync is missed.
        var channel = Channel.CreateBounded<DomainEvent>(new BoundedChannelOptions(SubscriberBufferSize)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _subscribers.TryAdd(channel, 0);

        // A subscription that is never enumerated still ends with its token.
        var registration = cancellationToken.Register(() => _subscribers.TryRemove(channel, out _));
        return ReadAsync(channel, registration, cancellationToken);
    }

    private async IAsyncEnumerable<DomainEvent> ReadAsync(
        Channel<DomainEvent> channel,
        CancellationTokenRegistration registration,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var domainEvent in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return domainEvent;
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
            await registration.DisposeAsync().ConfigureAwait(false);
        }
    }
}
