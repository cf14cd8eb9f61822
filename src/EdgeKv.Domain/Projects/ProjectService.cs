using System.Globalization;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Projects;

/// <summary>
/// Projects whose functions reach namespaces through bindings: list, create, rename, delete. A user reaches their
/// own; an admin reaches all. Projects need no open KV account (as EdgeOne Pages projects exist without KV); binding
/// a namespace does. Errors are <see cref="DomainException"/>s; nothing changes when one is thrown.
/// </summary>
public sealed class ProjectService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IDomainEvents _events;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public ProjectService(IDbContextFactory<EdgeKvDbContext> dbFactory, IDomainEvents events, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _events = events;
        _time = time;
    }

    private DateTime Now => _time.UtcNow();

    /// <summary>The caller's projects by name; an admin gets all, or those of <paramref name="ownerUserId"/>.</summary>
    public async Task<IReadOnlyList<ProjectView>> ListAsync(Caller caller, string? ownerUserId = null, CancellationToken cancellationToken = default)
    {
        var owner = caller.IsAdmin ? ownerUserId : caller.UserId;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Projects
            .Where(p => owner == null || p.OwnerUserId == owner)
            .OrderBy(p => p.Name)
            .Select(p => new ProjectView(p.Id, p.OwnerUserId, p.Name, p.CreatedAt, db.Bindings.Count(b => b.ProjectId == p.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One project the caller may reach; otherwise <see cref="DomainErrors.ProjectNotFound"/>.</summary>
    public async Task<ProjectView> GetAsync(Caller caller, int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        return await ToViewAsync(db, project, cancellationToken);
    }

    /// <summary>Creates a project for the caller (an admin may name another owner). Refused when the name is invalid or taken.</summary>
    public async Task<ProjectView> CreateAsync(Caller caller, string name, string? ownerUserId = null, CancellationToken cancellationToken = default)
    {
        var owner = ownerUserId ?? caller.UserId;
        if (!caller.CanReach(owner))
        {
            throw DomainErrors.UserNotFound.ToException();
        }

        var validName = ValidateName(name);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The owner's lock: two creates of one name (on any nodes) get the clear refusal, not the unique index's.
        await db.LockAccountAsync(owner, cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == owner, cancellationToken))
        {
            throw DomainErrors.UserNotFound.ToException();
        }

        await RequireNameFreeAsync(db, owner, validName, exceptProjectId: null, cancellationToken);
        var now = Now;
        var project = new Project { OwnerUserId = owner, Name = validName, CreatedAt = now };
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Add(db, caller, AuditActions.ProjectCreated, AuditTargets.Project, project.Id, owner, validName, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.ProjectChanged, caller, project);
        return new ProjectView(project.Id, owner, project.Name, project.CreatedAt, 0);
    }

    /// <summary>Renames a project; its bindings stay. Refused when the name is invalid or taken.</summary>
    public async Task<ProjectView> RenameAsync(Caller caller, int projectId, string newName, CancellationToken cancellationToken = default)
    {
        var validName = ValidateName(newName);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        await db.LockAccountAsync(project.OwnerUserId, cancellationToken);
        await RequireNameFreeAsync(db, project.OwnerUserId, validName, project.Id, cancellationToken);

        var note = string.Create(CultureInfo.InvariantCulture, $"{project.Name} → {validName}");
        project.Name = validName;
        AuditTrail.Add(db, caller, AuditActions.ProjectRenamed, AuditTargets.Project, project.Id, project.OwnerUserId, note, Now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.ProjectChanged, caller, project);
        return await ToViewAsync(db, project, cancellationToken);
    }

    /// <summary>Deletes a project and its bindings (the bound namespaces and their data stay).</summary>
    public async Task DeleteAsync(Caller caller, int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        var bindings = await db.Bindings.Where(b => b.ProjectId == project.Id).ToListAsync(cancellationToken);
        var now = Now;
        foreach (var binding in bindings)
        {
            AuditTrail.Add(db, caller, AuditActions.BindingDeleted, AuditTargets.Binding, binding.Id, project.OwnerUserId, binding.VariableName, now);
        }

        db.Bindings.RemoveRange(bindings);
        db.Projects.Remove(project);
        AuditTrail.Add(db, caller, AuditActions.ProjectDeleted, AuditTargets.Project, project.Id, project.OwnerUserId, project.Name, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(DomainEventKind.ProjectChanged, caller, project);
        if (bindings.Count > 0)
        {
            Publish(DomainEventKind.BindingChanged, caller, project);
        }
    }

    private static async Task<ProjectView> ToViewAsync(EdgeKvDbContext db, Project project, CancellationToken cancellationToken) =>
        new(project.Id, project.OwnerUserId, project.Name, project.CreatedAt, await db.Bindings.CountAsync(b => b.ProjectId == project.Id, cancellationToken));

    private static async Task RequireNameFreeAsync(EdgeKvDbContext db, string owner, string name, int? exceptProjectId, CancellationToken cancellationToken)
    {
        if (await db.Projects.AnyAsync(p => p.OwnerUserId == owner && p.Name == name && p.Id != exceptProjectId, cancellationToken))
        {
            throw DomainErrors.ProjectNameTaken.With(name).ToException();
        }
    }

    private static string ValidateName(string? name)
    {
        var trimmed = name?.Trim();
        return DomainValidation.IsValidResourceName(trimmed) ? trimmed! : throw DomainErrors.InvalidProjectName.ToException();
    }

    private void Publish(DomainEventKind kind, Caller caller, Project project) =>
        _events.Publish(new DomainEvent(kind, caller.UserId, project.OwnerUserId, null, null, project.Id, Now));
}
