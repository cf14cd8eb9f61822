namespace EdgeKv.Domain.Deployments;

/// <summary>A row of a project's deployment history: id, when, who (their e-mail), how many files, and whether it serves.</summary>
public sealed record DeploymentSummary(int Id, DateTime CreatedAt, string CreatedBy, int FileCount, bool IsActive);
