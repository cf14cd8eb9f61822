namespace EdgeKv.Domain.Deployments;

/// <summary>A deployment as its owner sees it: id, project, when, and the paths of its files.</summary>
public sealed record DeploymentView(int Id, int ProjectId, DateTime CreatedAt, IReadOnlyList<string> Paths);
