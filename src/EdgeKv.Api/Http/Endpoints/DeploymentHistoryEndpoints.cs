using EdgeKv.Api.Access;
using EdgeKv.Api.Http.Contracts;
using EdgeKv.Domain.Deployments;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary>
/// A project's deployment history, as the token's owner through <see cref="DeploymentService"/> (another user's project
/// is not found): <c>GET /api/v1/projects/{projectId}/deployments</c> lists it newest first;
/// <c>POST …/deployments/{deploymentId}/activate</c> makes an earlier deployment serve again (a rollback).
/// </summary>
internal static class DeploymentHistoryEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext context, int projectId)
    {
        var service = context.RequestServices.GetRequiredService<DeploymentService>();
        var deployments = await service.ListAsync(KvAccess.CallerOf(context), projectId, context.RequestAborted);
        return Results.Json(deployments.Select(ToResponse).ToList(), KvHttpJson.Options);
    }

    public static async Task<IResult> ActivateAsync(HttpContext context, int projectId, int deploymentId)
    {
        var service = context.RequestServices.GetRequiredService<DeploymentService>();
        var deployment = await service.ActivateAsync(KvAccess.CallerOf(context), projectId, deploymentId, context.RequestAborted);
        return Results.Json(ToResponse(deployment), KvHttpJson.Options);
    }

    private static DeploymentSummaryResponse ToResponse(DeploymentSummary deployment) =>
        new(deployment.Id, deployment.CreatedAt, deployment.CreatedBy, deployment.FileCount, deployment.IsActive);
}
