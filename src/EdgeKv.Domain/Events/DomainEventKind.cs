namespace EdgeKv.Domain.Events;

/// <summary>What happened, for pages that update live.</summary>
public enum DomainEventKind
{
    /// <summary>A user applied for a KV account.</summary>
    AccountApplied,

    /// <summary>An application was approved.</summary>
    AccountApproved,

    /// <summary>An application was rejected.</summary>
    AccountRejected,

    /// <summary>An account was suspended.</summary>
    AccountSuspended,

    /// <summary>A suspended account was reinstated.</summary>
    AccountReinstated,

    /// <summary>An account's capacity or namespace limit changed.</summary>
    AccountQuotaChanged,

    /// <summary>The number of places for open accounts changed.</summary>
    PlacesChanged,

    /// <summary>A namespace was created.</summary>
    NamespaceCreated,

    /// <summary>A namespace was renamed.</summary>
    NamespaceRenamed,

    /// <summary>A namespace was deleted.</summary>
    NamespaceDeleted,

    /// <summary>A project was created, renamed or deleted.</summary>
    ProjectChanged,

    /// <summary>A binding was made or removed (also when deleting a namespace or project removed bindings).</summary>
    BindingChanged,

    /// <summary>An access token was created.</summary>
    TokenCreated,

    /// <summary>An access token was revoked.</summary>
    TokenRevoked,

    /// <summary>A project's functions were deployed, or an earlier deployment was made active again.</summary>
    DeploymentChanged,

    /// <summary>A project's environment variables were added, changed or deleted.</summary>
    VariablesChanged,

    /// <summary>
    /// Not a change but the news that changes may have been missed: this node's line to the other nodes' events was
    /// cut and is back (docs/cluster.md), so whatever they published meanwhile never arrived. Published here only
    /// (<see cref="DomainEvent.EventsMissed"/>): every cache drops what it keeps and every live page reloads.
    /// </summary>
    EventsMissed,
}
