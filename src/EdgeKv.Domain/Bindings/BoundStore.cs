namespace EdgeKv.Domain.Bindings;

/// <summary>A binding as the functions runtime needs it: the global's variable name and the engine store it reaches.</summary>
public sealed record BoundStore(string VariableName, string StoreId);
