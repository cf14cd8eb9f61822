using EdgeKv.Domain.Bindings;

namespace EdgeKv.Functions.Hosting;

/// <summary>
/// What a project's requests run: its active deployment (null when nothing is deployed), its bindings and its
/// environment variables (the function's <c>env</c>).
/// </summary>
internal sealed record FunctionTarget(int? DeploymentId, IReadOnlyList<BoundStore> Bindings, IReadOnlyDictionary<string, string> Environment);
