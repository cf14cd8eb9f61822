namespace EdgeKv.Domain.Nodes;

/// <summary>Every node of the cluster as of <paramref name="Now"/>: this node first, then the others online, then offline ones, each by name.</summary>
/// <param name="Now">When it was read (UTC).</param>
/// <param name="WindowStart">The lag samples' window start (UTC).</param>
/// <param name="Nodes">The nodes.</param>
public sealed record NodesView(DateTime Now, DateTime WindowStart, IReadOnlyList<NodeView> Nodes);
