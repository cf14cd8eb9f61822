namespace EdgeKv.Domain.Audit;

/// <summary>Which audit entries to read, newest first. Null filters match everything.</summary>
/// <param name="TargetType">Only this kind of target (<see cref="AuditTargets"/>).</param>
/// <param name="TargetId">Only this target id (with <paramref name="TargetType"/>).</param>
/// <param name="OwnerUserId">Only entries about this user's resources (admins; users always see only their own).</param>
/// <param name="Skip">Entries to skip (paging).</param>
/// <param name="Take">Entries to return, 1..<see cref="AuditLogService.MaxPageSize"/>.</param>
/// <param name="AccessTokenId">Only what programs did through this access token.</param>
/// <param name="Actions">Only these actions (<see cref="AuditActions"/>); null or empty: every action.</param>
/// <param name="Email">Only entries whose actor or owner has an e-mail containing this text (any case).</param>
public sealed record AuditQuery(
    string? TargetType = null,
    string? TargetId = null,
    string? OwnerUserId = null,
    int Skip = 0,
    int Take = 50,
    int? AccessTokenId = null,
    IReadOnlyCollection<string>? Actions = null,
    string? Email = null);
