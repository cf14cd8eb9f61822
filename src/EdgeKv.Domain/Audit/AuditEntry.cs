namespace EdgeKv.Domain.Audit;

/// <summary>One recorded change: who did what to which target, why, and when. Never updated or deleted.</summary>
public class AuditEntry
{
    /// <summary>Database id; increases with time.</summary>
    public long Id { get; set; }

    /// <summary>The user who acted.</summary>
    public string ActorUserId { get; set; } = "";

    /// <summary>What was done: one of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The kind of target: one of <see cref="AuditTargets"/>.</summary>
    public string TargetType { get; set; } = "";

    /// <summary>The target's id (an account, namespace, project or binding id).</summary>
    public string TargetId { get; set; } = "";

    /// <summary>The user who owns the target, so users can read their own history; null for platform settings.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>The reason given, or a short description of the change.</summary>
    public string? Reason { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>
    /// The access token a program acted through (the actor is then the token's owner); null for changes made in the
    /// console.
    /// </summary>
    public int? AccessTokenId { get; set; }
}
