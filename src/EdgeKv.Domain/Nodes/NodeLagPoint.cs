namespace EdgeKv.Domain.Nodes;

/// <summary>One lag sample of a node.</summary>
/// <param name="At">When it was measured (UTC).</param>
/// <param name="Lag">The lag; null when the replica did not answer.</param>
public sealed record NodeLagPoint(DateTime At, TimeSpan? Lag);
