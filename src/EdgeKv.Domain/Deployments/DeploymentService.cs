using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Deployments;

/// <summary>
/// Deploys a project's functions and tells the runtime what to run. A deployment is refused unless the caller may
/// reach the project (its owner, or an admin) and its files pass <see cref="FunctionFilePaths"/>. Whether the code
/// loads is not checked here yet (to come: a deployment that does not load is refused and the active one keeps serving).
/// </summary>
public sealed class DeploymentService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly IDomainEvents _events;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public DeploymentService(IDbContextFactory<EdgeKvDbContext> dbFactory, IDomainEvents events, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _events = events;
        _time = time;
    }

    /// <summary>Keeps <paramref name="files"/> (path under <c>functions/</c> → source) as the project's new, active deployment.</summary>
    public async Task<DeploymentView> DeployAsync(Caller caller, int projectId, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken = default)
    {
        FunctionFilePaths.Validate(files);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        var deployment = new Deployment
        {
            ProjectId = project.Id,
            CreatedByUserId = caller.UserId,
            CreatedAt = _time.GetUtcNow().UtcDateTime,
            Files = [.. files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new DeploymentFile { Path = f.Key, Content = f.Value ?? "" })],
        };
        db.Deployments.Add(deployment);
        await db.SaveChangesAsync(cancellationToken);

        // The runtime caches each project's active deployment (FunctionTargetCache): this tells it, before we return.
        _events.Publish(new DomainEvent(DomainEventKind.DeploymentChanged, caller.UserId, project.OwnerUserId, null, null, project.Id, deployment.CreatedAt));
        return new DeploymentView(deployment.Id, project.Id, deployment.CreatedAt, [.. deployment.Files.Select(f => f.Path)]);
    }

    /// <summary>The id of the project's active deployment, or null when nothing was deployed (a cheap read, for every request).</summary>
    public async Task<int?> ActiveIdAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Deployments.Where(d => d.ProjectId == projectId).OrderByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
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
}
