namespace EdgeKv.Domain.Errors;

public static partial class DomainErrors
{
    /// <summary>An account id that names no account (or one the caller may not see).</summary>
    public static DomainError AccountNotFound { get; } = new("account.not_found", "KV account not found.");

    /// <summary>Apply while an application is pending.</summary>
    public static DomainError AlreadyPending { get; } = new("account.already_pending", "Your application is already pending review.");

    /// <summary>Apply while the account is open (or suspended).</summary>
    public static DomainError AlreadyOpen { get; } = new("account.already_open", "The KV account is already open.");

    /// <summary>Approve or reject anything but a pending application.</summary>
    public static DomainError NotPending { get; } = new("account.not_pending", "Only a pending application can be approved or rejected.");

    /// <summary>Suspend anything but an approved account.</summary>
    public static DomainError NotApproved { get; } = new("account.not_approved", "Only an approved account can be suspended.");

    /// <summary>Reinstate anything but a suspended account.</summary>
    public static DomainError NotSuspended { get; } = new("account.not_suspended", "Only a suspended account can be reinstated.");

    /// <summary>Approve while every place is taken; {0} is the number of places.</summary>
    public static DomainError NoPlacesLeft { get; } = new(
        "account.no_places_left",
        "No places left: the platform is limited to {0} open accounts. The application stays pending.");

    /// <summary>A write by a user whose account is not open.</summary>
    public static DomainError AccountNotOpen { get; } = new("account.not_open", "Your KV account is not open yet: apply and wait for approval.");

    /// <summary>A write by a user whose account is suspended.</summary>
    public static DomainError AccountSuspended { get; } = new("account.suspended", "Your KV account is suspended: changes are refused.");

    /// <summary>A capacity below one byte.</summary>
    public static DomainError InvalidCapacity { get; } = new("account.invalid_capacity", "Capacity must be a positive number of bytes.");

    /// <summary>A namespace limit outside 1..{0}.</summary>
    public static DomainError InvalidMaxNamespaces { get; } = new("account.invalid_max_namespaces", "The namespace limit must be between 1 and {0}.");

    /// <summary>A negative number of places.</summary>
    public static DomainError InvalidPlaces { get; } = new("platform.invalid_places", "The number of places must be zero or more (leave it empty for unlimited).");
}
