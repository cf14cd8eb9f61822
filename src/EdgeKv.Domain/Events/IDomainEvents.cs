namespace EdgeKv.Domain.Events;

/// <summary>
/// The in-process feed of <see cref="DomainEvent"/>s that drives live pages. Singleton, thread-safe.
/// </summary>
public interface IDomainEvents
{
    /// <summary>Delivers <paramref name="domainEvent"/> to every current subscriber. Never blocks.</summary>
    void Publish(DomainEvent domainEvent);

    /// <summary>
    /// Subscribes now (events published after this call returns are delivered, none before) and yields events in
    /// publication order until <paramref name="cancellationToken"/> is cancelled. A subscriber that falls more than
    /// <see cref="DomainEventHub.SubscriberBufferSize"/> events behind loses the oldest ones: pages reload on an
    /// event, so a merged burst shows the same result. Enumerate once.
    /// </summary>
    IAsyncEnumerable<DomainEvent> Subscribe(CancellationToken cancellationToken);
}
