namespace EdgeKv.Domain.Accounts;

/// <summary>
/// A user's KV account (at most one per user): the unit quotas are counted in. Its namespaces share one engine
/// budget group (<see cref="BudgetGroup"/>) whose byte limit is <see cref="CapacityBytes"/>.
/// </summary>
public class KvAccount
{
    /// <summary>Capacity of a new account: 100 MiB, as EdgeOne Pages KV.</summary>
    public const long DefaultCapacityBytes = 100L * 1024 * 1024;

    /// <summary>Namespaces a new account may hold: 10, as EdgeOne Pages KV.</summary>
    public const int DefaultMaxNamespaces = 10;

    /// <summary>Database id; also names the engine budget group.</summary>
    public int Id { get; set; }

    /// <summary>The owner's Identity user id.</summary>
    public string UserId { get; set; } = "";

    /// <summary>Where the account is in its workflow.</summary>
    public KvAccountStatus Status { get; set; } = KvAccountStatus.NotApplied;

    /// <summary>What the user wrote when applying last (optional).</summary>
    public string? ApplicationReason { get; set; }

    /// <summary>What the admin wrote at the last decision (reject, suspend, approve or reinstate).</summary>
    public string? DecisionReason { get; set; }

    /// <summary>When the user applied last (UTC).</summary>
    public DateTime? AppliedAt { get; set; }

    /// <summary>When an admin last changed the status (UTC).</summary>
    public DateTime? DecidedAt { get; set; }

    /// <summary>Most bytes (keys plus values) the account's namespaces may hold together.</summary>
    public long CapacityBytes { get; set; } = DefaultCapacityBytes;

    /// <summary>Most namespaces the account may hold.</summary>
    public int MaxNamespaces { get; set; } = DefaultMaxNamespaces;

    /// <summary>When the row was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The engine budget group of this account's namespaces.</summary>
    public string BudgetGroup => BudgetGroupOf(Id);

    /// <summary>The engine budget group of account <paramref name="accountId"/>: <c>account-{id}</c>.</summary>
    public static string BudgetGroupOf(int accountId) => $"account-{accountId}";
}
