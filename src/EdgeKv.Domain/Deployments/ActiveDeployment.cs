namespace EdgeKv.Domain.Deployments;

/// <summary>What the functions runtime runs for a project: its active deployment's files (path → source).</summary>
public sealed record ActiveDeployment(int ProjectId, int DeploymentId, IReadOnlyDictionary<string, string> Files);
