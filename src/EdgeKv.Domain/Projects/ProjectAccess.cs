using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Projects;

/// <summary>Finds a project for a caller: theirs, or any for an admin; otherwise it does not exist for them.</summary>
internal static class ProjectAccess
{
    public static async Task<Project> FindAsync(EdgeKvDbContext db, Caller caller, int projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        return project is not null && caller.CanReach(project.OwnerUserId)
            ? project
            : throw DomainErrors.ProjectNotFound.ToException();
    }
}
