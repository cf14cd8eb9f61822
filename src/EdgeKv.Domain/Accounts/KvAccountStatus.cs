namespace EdgeKv.Domain.Accounts;

/// <summary>
/// Where a KV account is in its workflow. NotApplied → Pending → Approved | Rejected; a rejected user may apply
/// again; an admin suspends an approved account (writes refused) and reinstates it. The numbers are stored.
/// </summary>
public enum KvAccountStatus
{
    /// <summary>The user has never applied (no account row exists yet).</summary>
    NotApplied = 0,

    /// <summary>Applied; waiting for an admin.</summary>
    Pending = 1,

    /// <summary>Open: the user may create namespaces and write records.</summary>
    Approved = 2,

    /// <summary>Refused by an admin, with a reason; the user may apply again.</summary>
    Rejected = 3,

    /// <summary>Closed for writes by an admin, with a reason; data stays readable.</summary>
    Suspended = 4,
}
