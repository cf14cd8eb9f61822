using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Deployments;

/// <summary>
/// Deploys a project's functions, keeps their history, rolls back, and tells the runtime what to run. Every call of a
/// person is refused unless the caller may reach the project (its owner, or an admin); a project the caller may not
/// reach does not exist for them. The project's <see cref="Project.ActiveDeploymentId"/> says which deployment serves:
/// a deploy points it at the new one, <see cref="ActivateAsync"/> at an earlier one. A deployment is refused unless its
/// code loads (<see cref="IFunctionCodeVerifier"/>): a refused deployment is not kept, so the
/// active one keeps serving.
/// </summary>
public sealed class DeploymentService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IDomainEvents _events;
    private readonly TimeProvider _time;
    private readonly IFunctionCodeVerifier? _verifier;

    /// <summary>Made by dependency injection (the verifier comes with the functions runtime; without it code is not loaded).</summary>
    public DeploymentService(IDbContextFactory<EdgeKvDbContext> dbFactory, IDomainEvents events, TimeProvider time, IFunctionCodeVerifier? verifier = null)
    {
        _dbFactory = dbFactory;
        _events = events;
        _time = time;
        _verifier = verifier;
    }

    private DateTime Now => _time.UtcNow();

    /// <summary>
    /// Keeps <paramref name="files"/> (path under <c>functions/</c> → source) as the project's new, active deployment,
    /// recorded in the audit log with <paramref name="accessTokenId"/>, the token a program deployed through (null from
    /// the console).
    /// </summary>
    public async Task<DeploymentView> DeployAsync(
        Caller caller, int projectId, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken = default, int? accessTokenId = null)
    {
        var bytes = FunctionFilePaths.Validate(files);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        // Loading the code takes a runtime start (up to the wall time): it happens after the access check (a stranger
        // never gets a process started) and before the write transaction (no lock is held while it runs).
        await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        if (_verifier is not null && await _verifier.FindLoadErrorAsync(projectId, files, cancellationToken) is { } refusal)
        {
            throw refusal.ToException();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);

        var deployment = new Deployment
        {
            ProjectId = project.Id,
            CreatedByUserId = caller.UserId,
            CreatedAt = Now,
            Files = [.. files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new DeploymentFile { Path = f.Key, Content = f.Value ?? "" })],
        };
        db.Deployments.Add(deployment);
        await db.SaveChangesAsync(cancellationToken);
        project.ActiveDeploymentId = deployment.Id;
        AuditTrail.Add(
            db, caller, AuditActions.DeploymentCreated, AuditTargets.Project, project.Id, project.OwnerUserId, DeploymentNote(deployment.Id, files.Count, bytes), Now, accessTokenId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(caller, project);
        return new DeploymentView(deployment.Id, project.Id, deployment.CreatedAt, [.. deployment.Files.Select(f => f.Path)]);
    }

    /// <summary>The project's deployments, newest first, the active one marked.</summary>
    public async Task<IReadOnlyList<DeploymentSummary>> ListAsync(Caller caller, int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        var activeId = await ActiveIdAsync(db, project.Id, cancellationToken);
        var rows = await db.Deployments
            .Where(d => d.ProjectId == project.Id)
            .OrderByDescending(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.CreatedAt,
                d.CreatedByUserId,
                Email = db.Users.Where(u => u.Id == d.CreatedByUserId).Select(u => u.Email).FirstOrDefault(),
                FileCount = d.Files.Count,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DeploymentSummary(r.Id, r.CreatedAt, r.Email ?? r.CreatedByUserId, r.FileCount, r.Id == activeId))];
    }

    /// <summary>The files (path → source) of deployment <paramref name="deploymentId"/> of the project, for its owner or an admin.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FilesAsync(Caller caller, int projectId, int deploymentId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        var deployment = await FindAsync(db, project, deploymentId, cancellationToken);
        return await db.DeploymentFiles.Where(f => f.DeploymentId == deployment.Id)
            .ToDictionaryAsync(f => f.Path, f => f.Content, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>
    /// Makes deployment <paramref name="deploymentId"/> of the project the active one (a rollback, or forward again):
    /// it serves the next request. Recorded in the audit log.
    /// </summary>
    public async Task<DeploymentSummary> ActivateAsync(Caller caller, int projectId, int deploymentId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        var deployment = await FindAsync(db, project, deploymentId, cancellationToken);
        project.ActiveDeploymentId = deployment.Id;
        AuditTrail.Add(db, caller, AuditActions.DeploymentActivated, AuditTargets.Project, project.Id, project.OwnerUserId, ActivationNote(deployment.Id), Now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Publish(caller, project);
        return (await ListAsync(caller, projectId, cancellationToken)).Single(d => d.Id == deployment.Id);
    }

    /// <summary>The audit note of an activation (the console's audit sentence reads the id back from it).</summary>
    public static string ActivationNote(int deploymentId) => FormattableString.Invariant($"deployment {deploymentId}");

    /// <summary>The audit note of a deployment (the console's audit sentence reads its figures back from it).</summary>
    public static string DeploymentNote(int deploymentId, int fileCount, long bytes) =>
        FormattableString.Invariant($"deployment {deploymentId}: {fileCount} files, {bytes} bytes");

    /// <summary>The id of the project's active deployment, or null when nothing was deployed (a cheap read, for every request).</summary>
    public async Task<int?> ActiveIdAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await ActiveIdAsync(db, projectId, cancellationToken);
    }

    /// <summary>
    /// The files of deployment <paramref name="deploymentId"/> of <paramref name="projectId"/>. A system read for the
    /// runtime, which serves anonymous visitors: functions are public by nature, their code is not shown to them.
    /// </summary>
    public async Task<ActiveDeployment?> LoadAsync(int projectId, int deploymentId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var files = await db.DeploymentFiles.Where(f => f.DeploymentId == deploymentId && db.Deployments.Any(d => d.Id == deploymentId && d.ProjectId == projectId))
            .ToDictionaryAsync(f => f.Path, f => f.Content, StringComparer.Ordinal, cancellationToken);
        return files.Count == 0 ? null : new ActiveDeployment(projectId, deploymentId, files);
    }

    // The pointer; a project deployed before the pointer existed (no pointer, but deployments) is served by its newest.
    private static Task<int?> ActiveIdAsync(EdgeKvDbContext db, int projectId, CancellationToken cancellationToken) =>
        db.Projects.Where(p => p.Id == projectId)
            .Select(p => p.ActiveDeploymentId ?? db.Deployments.Where(d => d.ProjectId == p.Id).Max(d => (int?)d.Id))
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<Deployment> FindAsync(EdgeKvDbContext db, Project project, int deploymentId, CancellationToken cancellationToken) =>
        await db.Deployments.SingleOrDefaultAsync(d => d.Id == deploymentId && d.ProjectId == project.Id, cancellationToken)
            ?? throw DomainErrors.DeploymentNotFound.ToException();

    // The runtime caches each project's active deployment (FunctionTargetCache) and clears it on this event before
    // Publish returns: a deploy or a rollback serves the very next request.
    private void Publish(Caller caller, Project project) =>
        _events.Publish(new DomainEvent(DomainEventKind.DeploymentChanged, caller.UserId, project.OwnerUserId, null, null, project.Id, Now));
}
