using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;

namespace EdgeKv.Domain.Audit;

/// <summary>Adds audit entries to a unit of work, so they are saved (or not) with the change they describe.</summary>
internal static class AuditTrail
{
    public static void Add(
        EdgeKvDbContext db,
        Caller actor,
        string action,
        string targetType,
        object targetId,
        string? ownerUserId,
        string? reason,
        DateTime timestamp,
        int? accessTokenId = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            ActorUserId = actor.UserId,
            Action = action,
            TargetType = targetType,
            TargetId = Convert.ToString(targetId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            OwnerUserId = ownerUserId,
            Reason = reason,
            Timestamp = timestamp,
            AccessTokenId = accessTokenId,
        });
}
