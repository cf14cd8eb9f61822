namespace EdgeKv.Domain.Platform;

/// <summary>Platform-wide settings: a single row with <see cref="Id"/> = <see cref="SingletonId"/>.</summary>
public class PlatformSettings
{
    /// <summary>The id of the one row.</summary>
    public const int SingletonId = 1;

    /// <summary>Always <see cref="SingletonId"/>.</summary>
    public int Id { get; set; } = SingletonId;

    /// <summary>
    /// Places for open accounts (EdgeOne: 开放名额有限): approved and suspended accounts count; null means unlimited.
    /// While reached, approvals are refused and applications stay pending.
    /// </summary>
    public int? MaxApprovedAccounts { get; set; }
}
