using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.FunctionLogs;

/// <summary>
/// A project's function logs for a person: its owner or an admin; for anyone else the project does not exist
/// (<see cref="Errors.DomainErrors.ProjectNotFound"/>), so one account never reads another's logs.
/// </summary>
public sealed class ProjectLogService
{
    private readonly IDbContextFactory<EdgeKvDbContext> _dbFactory;
    private readonly ProjectLogBook _book;

    /// <summary>Made by dependency injection.</summary>
    public ProjectLogService(IDbContextFactory<EdgeKvDbContext> dbFactory, ProjectLogBook book)
    {
        _dbFactory = dbFactory;
        _book = book;
    }

    /// <summary>
    /// The project's kept lines and, until <paramref name="cancellationToken"/> ends, each new one. Subscribe before
    /// showing anything: the snapshot and the changes meet without a gap.
    /// </summary>
    public async Task<ProjectLogFeed> FollowAsync(Caller caller, int projectId, CancellationToken cancellationToken = default)
    {
        await using (var db = await _dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await ProjectAccess.FindAsync(db, caller, projectId, cancellationToken);
        }

        return await _book.FollowAsync(projectId, cancellationToken);
    }
}
