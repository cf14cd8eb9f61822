namespace EdgeKv.Domain.Accounts;

/// <summary>
/// A KV account as the console shows it. For a user who never applied, <see cref="AccountId"/> is null and
/// <see cref="Status"/> is <see cref="KvAccountStatus.NotApplied"/> (no row exists).
/// </summary>
/// <param name="AccountId">The account id, or null before the first application.</param>
/// <param name="UserId">The owner.</param>
/// <param name="UserEmail">The owner's e-mail.</param>
/// <param name="DisplayName">The owner's display name, if set.</param>
/// <param name="Status">Where the account is in its workflow.</param>
/// <param name="ApplicationReason">What the user wrote when applying.</param>
/// <param name="DecisionReason">What the admin wrote at the last decision.</param>
/// <param name="AppliedAt">When the user applied last (UTC).</param>
/// <param name="DecidedAt">When an admin last decided (UTC).</param>
/// <param name="CapacityBytes">The account's capacity.</param>
/// <param name="MaxNamespaces">The account's namespace limit.</param>
/// <param name="NamespaceCount">Namespaces the account holds.</param>
/// <param name="UsedBytes">Bytes its namespaces hold (keys and values), from the engine.</param>
public sealed record AccountView(
    int? AccountId,
    string UserId,
    string? UserEmail,
    string? DisplayName,
    KvAccountStatus Status,
    string? ApplicationReason,
    string? DecisionReason,
    DateTime? AppliedAt,
    DateTime? DecidedAt,
    long CapacityBytes,
    int MaxNamespaces,
    int NamespaceCount,
    long UsedBytes)
{
    /// <summary>True when the owner may create namespaces and write records.</summary>
    public bool IsOpen => Status == KvAccountStatus.Approved;
}
