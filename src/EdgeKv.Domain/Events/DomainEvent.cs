namespace EdgeKv.Domain.Events;

/// <summary>
/// Something changed in the domain, published after the change was saved. Pages filter by <see cref="Kind"/> and
/// <see cref="OwnerUserId"/> (admins' pages take all) and reload what they show; the event carries ids, not data.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="ActorUserId">Who did it.</param>
/// <param name="OwnerUserId">Whose resource changed; null for platform settings.</param>
/// <param name="AccountId">The account concerned, if any.</param>
/// <param name="NamespaceId">The namespace concerned, if any.</param>
/// <param name="ProjectId">The project concerned, if any.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record DomainEvent(
    DomainEventKind Kind,
    string ActorUserId,
    string? OwnerUserId,
    int? AccountId,
    int? NamespaceId,
    int? ProjectId,
    DateTime OccurredAt)
{
    /// <summary>The access token concerned, if any.</summary>
    public int? AccessTokenId { get; init; }

    /// <summary>
    /// True when another node of the cluster published it and it was relayed here (docs/cluster.md): this node's own
    /// caches and pages react to it as to their own, but it is not sent back out.
    /// </summary>
    public bool FromOtherNode { get; init; }

    /// <summary>
    /// The <see cref="DomainEventKind.EventsMissed"/> news, at <paramref name="occurredAt"/>: nobody's action, about
    /// everything, and marked as relayed so that it is never sent to the other nodes.
    /// </summary>
    public static DomainEvent EventsMissed(DateTime occurredAt) =>
        new(DomainEventKind.EventsMissed, ActorUserId: "", OwnerUserId: null, AccountId: null, NamespaceId: null, ProjectId: null, occurredAt)
        {
            FromOtherNode = true,
        };
}
