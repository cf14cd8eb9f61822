using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Audit;

/// <summary>
/// Reads the audit log. Admins read every entry; a user reads the entries about their own account, namespaces,
/// projects and bindings (decisions about them included), never anyone else's.
/// </summary>
public sealed partial class AuditLogService
{
    /// <summary>Most entries one page returns.</summary>
    public const int MaxPageSize = 500;

    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;

    /// <summary>Made by dependency injection.</summary>
    public AuditLogService(IDbContextFactory<EdgeKvDbContext> dbFactory) => _dbFactory = dbFactory;

    /// <summary>The entries <paramref name="query"/> selects that the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(Caller caller, AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);

        // Ids increase with time, and unlike timestamps they never tie.
        return await Select(db, caller, query)
            .OrderByDescending(entry => entry.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many entries <paramref name="query"/> selects that the caller may see (paging ignored).</summary>
    public async Task<int> CountAsync(Caller caller, AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await Select(db, caller, query).CountAsync(cancellationToken);
    }

    private static IQueryable<AuditEntry> Select(EdgeKvDbContext db, Caller caller, AuditQuery query)
    {
        var owner = caller.IsAdmin ? query.OwnerUserId : caller.UserId;
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

        if (query.Actions is { Count: > 0 } actions)
        {
            entries = entries.Where(entry => actions.Contains(entry.Action));
        }

        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            // Identity keeps e-mails normalized in upper case, so the search ignores case.
            var email = query.Email.Trim().ToUpperInvariant();
            var users = db.Users.Where(user => user.NormalizedEmail!.Contains(email)).Select(user => user.Id);
            entries = entries.Where(entry => users.Contains(entry.ActorUserId) || users.Contains(entry.OwnerUserId!));
        }

        return entries;
    }
}
