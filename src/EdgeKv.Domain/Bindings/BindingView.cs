namespace EdgeKv.Domain.Bindings;

/// <summary>A binding as both the namespace's and the project's pages list it.</summary>
/// <param name="Id">Database id.</param>
/// <param name="NamespaceId">The bound namespace.</param>
/// <param name="NamespaceName">Its name.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectName">Its name.</param>
/// <param name="VariableName">The global the project's functions use.</param>
/// <param name="CreatedAt">When the binding was made (UTC).</param>
public sealed record BindingView(
    int Id,
    int NamespaceId,
    string NamespaceName,
    int ProjectId,
    string ProjectName,
    string VariableName,
    DateTime CreatedAt);
