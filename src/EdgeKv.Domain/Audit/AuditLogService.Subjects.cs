using System.Globalization;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Audit;

public sealed partial class AuditLogService
{
    /// <summary>
    /// Admins: the people and objects <paramref name="entries"/> name (see <see cref="AuditSubjects"/>), in a few
    /// queries for the whole page. Admins only, because it names any user's objects.
    /// </summary>
    public async Task<AuditSubjects> DescribeAsync(Caller caller, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        caller.RequireAdmin();
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var userIds = entries.Select(e => e.ActorUserId).Concat(entries.Select(e => e.OwnerUserId).OfType<string>()).Distinct().ToList();
        var emails = await db.Users.AsNoTracking()
            .Where(user => userIds.Contains(user.Id))
            .ToDictionaryAsync(user => user.Id, user => user.Email ?? user.UserName ?? user.Id, cancellationToken);

        var admins = (await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == EdgeKvRoles.Admin && userIds.Contains(userRole.UserId)
                select userRole.UserId)
            .ToListAsync(cancellationToken)).ToHashSet();

        var namespaceIds = TargetIds(entries, AuditTargets.Namespace);
        var namespaces = await db.Namespaces.AsNoTracking()
            .Where(ns => namespaceIds.Contains(ns.Id))
            .ToDictionaryAsync(ns => ns.Id, ns => new AuditSubject(ns.Name, Exists: true), cancellationToken);
        await AddDeletedAsync(db, namespaces, namespaceIds, AuditTargets.Namespace, AuditActions.NamespaceDeleted, cancellationToken);

        var projectIds = TargetIds(entries, AuditTargets.Project);
        var projects = await db.Projects.AsNoTracking()
            .Where(project => projectIds.Contains(project.Id))
            .ToDictionaryAsync(project => project.Id, project => new AuditSubject(project.Name, Exists: true), cancellationToken);
        await AddDeletedAsync(db, projects, projectIds, AuditTargets.Project, AuditActions.ProjectDeleted, cancellationToken);

        var tokenIds = TargetIds(entries, AuditTargets.AccessToken).Concat(entries.Select(e => e.AccessTokenId).OfType<int>()).Distinct().ToList();
        var tokens = await db.AccessTokens.AsNoTracking()
            .Where(token => tokenIds.Contains(token.Id))
            .ToDictionaryAsync(token => token.Id, token => new AuditSubject(token.Name, Exists: true), cancellationToken);

        var bindingIds = TargetIds(entries, AuditTargets.Binding);
        var bindings = await (
                from binding in db.Bindings.AsNoTracking()
                join ns in db.Namespaces on binding.NamespaceId equals ns.Id
                join project in db.Projects on binding.ProjectId equals project.Id
                where bindingIds.Contains(binding.Id)
                select new { binding.Id, Subject = new AuditBindingSubject(ns.Id, ns.Name, project.Id, project.Name, binding.VariableName) })
            .ToDictionaryAsync(row => row.Id, row => row.Subject, cancellationToken);

        return new AuditSubjects(emails, namespaces, projects, tokens, bindings, admins);
    }

    private static List<int> TargetIds(IEnumerable<AuditEntry> entries, string targetType) => entries
        .Where(entry => entry.TargetType == targetType)
        .Select(entry => int.TryParse(entry.TargetId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
        .Where(id => id > 0)
        .Distinct()
        .ToList();

    // A deleted object's row is gone; its deletion entry kept the name it had.
    private static async Task AddDeletedAsync(
        EdgeKvDbContext db, Dictionary<int, AuditSubject> subjects, List<int> ids, string targetType, string deleted, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !subjects.ContainsKey(id)).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var deletions = await db.AuditEntries.AsNoTracking()
            .Where(entry => entry.TargetType == targetType && entry.Action == deleted && missing.Contains(entry.TargetId))
            .Select(entry => new { entry.TargetId, entry.Reason })
            .ToListAsync(cancellationToken);
        foreach (var deletion in deletions)
        {
            subjects[int.Parse(deletion.TargetId, CultureInfo.InvariantCulture)] = new AuditSubject(deletion.Reason ?? "", Exists: false);
        }
    }
}
