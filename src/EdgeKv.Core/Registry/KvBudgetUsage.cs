namespace EdgeKv.Core.Registry;

/// <summary>A budget group's bytes in use (the sum over its namespaces) and its limit (null: unlimited).</summary>
public sealed record KvBudgetUsage(long UsedBytes, long? LimitBytes);
