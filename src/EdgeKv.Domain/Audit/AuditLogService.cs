using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Audit;

/// <summary>
/// Reads the audit log. Admins read every entry; a user reads the entries about their own account, namespaces,
/// projects and bindings (decisions about them included), never anyone else's.
/// </summary>
public sealed class AuditLogService
{
    /// <summary>Most entries one page returns.</summary>
    public const int MaxPageSize = 500;

    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;

    /// <summary>Made by dependency injection.</summary>
    public AuditLogService(IDbContextFactory<EdgeKvDbContext> dbFactory) => _dbFactory = dbFactory;

    /// <summary>The entries <paramref name="query"/> selects that the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(Caller caller, AuditQuery query, CancellationToken cancellationToken = default)
    {
        var owner = caller.IsAdmin ? query.OwnerUserId : caller.UserId;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (owner is not null)
        {
            entries = entries.Where(entry => entry.OwnerUserId == owner);
        }

        if (query.TargetType is not null)
        {
            entries = entries.Where(entry => entry.TargetType == query.TargetType);
        }

        if (query.TargetId is not null)
        {
            entries = entries.Where(entry => entry.TargetId == query.TargetId);
        }

        if (query.AccessTokenId is { } tokenId)
        {
            entries = entries.Where(entry => entry.AccessTokenId == tokenId);
        }

        // Ids increase with time, and unlike timestamps they never tie.
        return await entries
            .OrderByDescending(entry => entry.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
    }
}
