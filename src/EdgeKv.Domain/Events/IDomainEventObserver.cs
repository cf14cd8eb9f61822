namespace EdgeKv.Domain.Events;

/// <summary>
/// Told of every published <see cref="DomainEvent"/> synchronously, inside <see cref="IDomainEvents.Publish"/>, before
/// the use case that published it returns. For caches that must be exact on the very next request (a revoked token is
/// refused at once); subscribers that may lag use <see cref="IDomainEvents.Subscribe"/>. Must be quick and never throw.
/// </summary>
public interface IDomainEventObserver
{
    /// <summary>Reacts to <paramref name="domainEvent"/>, which has just been committed.</summary>
    void OnPublished(DomainEvent domainEvent);
}
