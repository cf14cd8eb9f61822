namespace EdgeKv.Api.Http.Contracts;

/// <summary>A deployment made: its id, the project, when, and the paths of its files under <c>functions/</c>.</summary>
public sealed record DeploymentResponse(int Id, int ProjectId, DateTime CreatedAt, IReadOnlyList<string> Files);
