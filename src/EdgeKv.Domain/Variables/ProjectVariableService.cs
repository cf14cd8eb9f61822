using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Variables;

/// <summary>
/// A project's environment variables (环境变量), for its owner or an admin (anyone else: the project is not found).
/// Every change is audited by name, never by value; a secret's value is never read back, only replaced. The functions
/// runtime reads the values (<see cref="ValuesForRuntimeAsync"/>) and keeps them until a change's
/// <see cref="DomainEventKind.VariablesChanged"/>, so a change takes effect on the next request.
/// </summary>
public sealed class ProjectVariableService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IDomainEvents _events;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public ProjectVariableService(IDbContextFactory<EdgeKvDbContext> dbFactory, IDomainEvents events, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _events = events;
        _time = time;
    }

    /// <summary>The project's variables by name; secrets without their values.</summary>
    public async Task<IReadOnlyList<ProjectVariableView>> ListAsync(Caller caller, int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        var variables = await db.ProjectVariables.Where(v => v.ProjectId == project.Id).ToListAsync(cancellationToken);
        return [.. variables.OrderBy(v => v.Name, StringComparer.Ordinal).Select(View)];
    }

    /// <summary>Adds a variable; refused for a bad name or value, a name the project has, or the 64th+1 variable.</summary>
    public async Task<ProjectVariableView> AddAsync(
        Caller caller, int projectId, string name, string value, bool isSecret, CancellationToken cancellationToken = default)
    {
        var validName = name?.Trim() ?? "";
        Refuse(ProjectVariableRules.NameError(validName) ?? ProjectVariableRules.ValueError(value));
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        // The name check and the count hold until commit on every node (on SQLite the write transaction does it).
        await db.LockAccountAsync(project.OwnerUserId, cancellationToken);
        var names = await db.ProjectVariables.Where(v => v.ProjectId == project.Id).Select(v => v.Name).ToListAsync(cancellationToken);
        if (names.Contains(validName, StringComparer.Ordinal))
        {
            throw DomainErrors.EnvironmentVariableNameTaken.With(validName).ToException();
        }

        if (names.Count >= ProjectVariableRules.MaxPerProject)
        {
            throw DomainErrors.EnvironmentVariableLimitReached.ToException();
        }

        var variable = new ProjectVariable { ProjectId = project.Id, Name = validName, Value = value ?? "", IsSecret = isSecret, UpdatedAt = Now };
        db.ProjectVariables.Add(variable);
        AuditTrail.Add(db, caller, AuditActions.VariableSet, AuditTargets.Project, project.Id, project.OwnerUserId, validName, variable.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Publish(caller, project);
        return View(variable);
    }

    /// <summary>
    /// Sets a variable's value (<paramref name="newValue"/> null keeps it: a secret's value cannot be read to be sent
    /// back) and whether it is secret. A secret made visible needs a new value.
    /// </summary>
    public async Task<ProjectVariableView> UpdateAsync(
        Caller caller, int variableId, string? newValue, bool isSecret, CancellationToken cancellationToken = default)
    {
        Refuse(ProjectVariableRules.ValueError(newValue));
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var (variable, project) = await FindAsync(db, caller, variableId, cancellationToken);
        if (variable.IsSecret && !isSecret && newValue is null)
        {
            throw DomainErrors.SecretNeedsNewValue.ToException();
        }

        variable.Value = newValue ?? variable.Value;
        variable.IsSecret = isSecret;
        variable.UpdatedAt = Now;
        AuditTrail.Add(db, caller, AuditActions.VariableSet, AuditTargets.Project, project.Id, project.OwnerUserId, variable.Name, variable.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        Publish(caller, project);
        return View(variable);
    }

    /// <summary>Deletes a variable.</summary>
    public async Task DeleteAsync(Caller caller, int variableId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var (variable, project) = await FindAsync(db, caller, variableId, cancellationToken);
        db.ProjectVariables.Remove(variable);
        AuditTrail.Add(db, caller, AuditActions.VariableDeleted, AuditTargets.Project, project.Id, project.OwnerUserId, variable.Name, Now);
        await db.SaveChangesAsync(cancellationToken);
        Publish(caller, project);
    }

    /// <summary>
    /// The project's variables as its functions see them (<c>env</c>: name → value, secrets included). A system read for
    /// the runtime, which serves anonymous visitors; the values go only to the project's own process.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ValuesForRuntimeAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProjectVariables.Where(v => v.ProjectId == projectId)
            .ToDictionaryAsync(v => v.Name, v => v.Value, StringComparer.Ordinal, cancellationToken);
    }

    private DateTime Now => _time.UtcNow();

    private static ProjectVariableView View(ProjectVariable v) => new(v.Id, v.ProjectId, v.Name, v.IsSecret ? null : v.Value, v.IsSecret, v.UpdatedAt);

    private static void Refuse(DomainError? error)
    {
        if (error is not null)
        {
            throw error.ToException();
        }
    }

    private static async Task<(ProjectVariable Variable, Project Project)> FindAsync(
        EdgeKvDbContext db, Caller caller, int variableId, CancellationToken cancellationToken)
    {
        var found = await (from v in db.ProjectVariables
                           join p in db.Projects on v.ProjectId equals p.Id
                           where v.Id == variableId
                           select new { Variable = v, Project = p }).SingleOrDefaultAsync(cancellationToken);
        return found is not null && caller.CanReach(found.Project.OwnerUserId)
            ? (found.Variable, found.Project)
            : throw DomainErrors.EnvironmentVariableNotFound.ToException();
    }

    // Told synchronously, before the change returns: the functions runtime keeps each project's env and drops it here,
    // so a changed value is seen by the very next request (on other nodes, one notification later: ADR 0013).
    private void Publish(Caller caller, Project project) =>
        _events.Publish(new DomainEvent(DomainEventKind.VariablesChanged, caller.UserId, project.OwnerUserId, null, null, project.Id, Now));
}
