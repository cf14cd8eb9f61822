namespace EdgeKv.Api.Http.Contracts;

/// <summary>A deployment in a project's history: id, when, who deployed it (their e-mail), its file count, and whether it serves.</summary>
public sealed record DeploymentSummaryResponse(int Id, DateTime CreatedAt, string CreatedBy, int FileCount, bool Active);
