using EdgeKv.Domain.Events;

namespace EdgeKv.Domain.Tokens;

public sealed partial class AccessTokenDirectory : IDomainEventObserver
{
    /// <summary>
    /// Drops what <paramref name="domainEvent"/> makes stale, before the use case that published it returns: a revoked
    /// token; every token of a user whose account changed status (suspension takes writing away, rejection everything);
    /// a deleted namespace and every token of its owner (their scope changed); everything when events were missed. Other
    /// events change nothing a token check reads (a new token has a new secret; a rename keeps the store id).
    /// </summary>
    public void OnPublished(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        switch (domainEvent.Kind)
        {
            case DomainEventKind.TokenRevoked when domainEvent.AccessTokenId is { } tokenId:
                Drop(credential => credential.Id == tokenId, target => false);
                break;
            case DomainEventKind.AccountApplied or DomainEventKind.AccountApproved or DomainEventKind.AccountRejected
                or DomainEventKind.AccountSuspended or DomainEventKind.AccountReinstated when domainEvent.OwnerUserId is { } owner:
                Drop(credential => credential.OwnerUserId == owner, target => false);
                break;
            case DomainEventKind.NamespaceDeleted when domainEvent.NamespaceId is { } namespaceId:
                var namespaceOwner = domainEvent.OwnerUserId;
                Drop(credential => credential.OwnerUserId == namespaceOwner, target => target.NamespaceId == namespaceId);
                break;
            case DomainEventKind.EventsMissed:
                DropAll();
                break;
        }
    }

    /// <summary>
    /// Drops everything and ends every cached credential's streams: for when events may have been missed (a node of a
    /// cluster lost its connection to the others' events), so nothing is answered from what might be stale. Programs
    /// reconnect and are checked against the database again.
    /// </summary>
    private void DropAll() => Drop(credential => true, target => true);

    private void Drop(Func<AccessTokenCredential, bool> credentials, Func<AccessTokenTarget, bool> targets)
    {
        List<AccessTokenCredential> dropped = [];
        lock (_lock)
        {
            _generation++;
            foreach (var (key, credential) in _credentials)
            {
                if (credentials(credential) && _credentials.TryRemove(key, out _))
                {
                    dropped.Add(credential);
                }
            }

            foreach (var (key, target) in _targets)
            {
                if (targets(target))
                {
                    _targets.TryRemove(key, out _);
                }
            }
        }

        // Outside the lock: ending a lifetime runs its streams' callbacks.
        foreach (var credential in dropped)
        {
            credential.End();
        }
    }
}
