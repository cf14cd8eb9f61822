namespace EdgeKv.Domain.Variables;

/// <summary>A variable as its owner sees it: <see cref="Value"/> is null for a secret (it is never read back).</summary>
public sealed record ProjectVariableView(int Id, int ProjectId, string Name, string? Value, bool IsSecret, DateTime UpdatedAt);
