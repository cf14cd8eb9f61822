namespace EdgeKv.Api.Http.Contracts;

/// <summary>A deploy body: the files of a project's <c>functions/</c> folder, path (e.g. <c>api/users/[id].js</c>) → source.</summary>
public sealed record DeploymentRequest(IReadOnlyDictionary<string, string> Files);
