using System.Globalization;
using System.Text.Json;
using EdgeKv.Api.Access;
using EdgeKv.Api.Http.Contracts;
using EdgeKv.Api.Http.Values;
using EdgeKv.Domain.Deployments;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary>
/// <c>POST /api/v1/projects/{projectId}/deployments</c>: deploys the files of a project's <c>functions/</c> folder,
/// acting as the token's owner through <see cref="DeploymentService"/> (a read-write token over all of the owner's
/// namespaces; another user's project is not found).
/// </summary>
internal static class DeployFunctionsEndpoint
{
    /// <summary>The body: the sources (5 MiB together, <see cref="FunctionFilePaths.MaxTotalBytes"/>) with JSON's escaping.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext context, int projectId)
    {
        var caller = KvAccess.CallerOf(context);
        var body = await BoundedBody.ReadAsync(context, MaxBodyBytes) ?? throw KvHttpRequestException.BadRequest(KvHttpErrors.DeploymentBody);
        DeploymentRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<DeploymentRequest>(body, KvHttpJson.Options);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request?.Files is not { } files)
        {
            throw KvHttpRequestException.BadRequest(KvHttpErrors.DeploymentBody);
        }

        var service = context.RequestServices.GetRequiredService<DeploymentService>();
        var deployment = await service.DeployAsync(caller, projectId, files, context.RequestAborted, TokenIdOf(context));
        var response = new DeploymentResponse(deployment.Id, deployment.ProjectId, deployment.CreatedAt, deployment.Paths);
        return Results.Json(response, KvHttpJson.Options, statusCode: StatusCodes.Status201Created);
    }

    // The audit log names the token a deployment came through, beside its owner.
    private static int? TokenIdOf(HttpContext context) =>
        int.TryParse(context.Features.Get<KvCredential>()?.TokenId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
