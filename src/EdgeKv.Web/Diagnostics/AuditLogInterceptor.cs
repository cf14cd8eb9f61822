using EdgeKv.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdgeKv.Web.Diagnostics;

/// <summary>
/// Writes every audit entry to the log once it is saved (so a rolled-back change logs nothing): every admin action
/// (approve, reject, suspend, quota, tokens) and every user action the audit log records, by ids only.
/// </summary>
internal sealed class AuditLogInterceptor(ILoggerFactory loggerFactory) : SaveChangesInterceptor
{
    private readonly ILogger _log = loggerFactory.CreateLogger("EdgeKv.Audit");
    private readonly AsyncLocal<List<AuditEntry>?> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush();
        return base.SavedChanges(eventData, result);
    }

    private void Collect(DbContext? context) =>
        _pending.Value = context?.ChangeTracker.Entries<AuditEntry>()
            .Where(entry => entry.State == EntityState.Added)
            .Select(entry => entry.Entity)
            .ToList();

    private void Flush()
    {
        var entries = _pending.Value;
        _pending.Value = null;
        foreach (var entry in entries ?? [])
        {
            ConsoleLog.Audited(_log, entry.Action, entry.TargetType, entry.TargetId, entry.ActorUserId, entry.OwnerUserId, entry.AccessTokenId);
        }
    }
}
