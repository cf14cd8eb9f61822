using EdgeKv.Domain.Bindings;

namespace EdgeKv.Functions.Hosting;

/// <summary>What a project's requests run: its active deployment (null when nothing is deployed) and its bindings.</summary>
internal sealed record FunctionTarget(int? DeploymentId, IReadOnlyList<BoundStore> Bindings);
