namespace EdgeKv.Domain.Audit;

/// <summary>A binding an audit entry names, while it exists: the namespace, the project and the variable name.</summary>
/// <param name="NamespaceId">The bound namespace.</param>
/// <param name="NamespaceName">Its name.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectName">Its name.</param>
/// <param name="VariableName">The variable name the project reads the namespace by.</param>
public sealed record AuditBindingSubject(int NamespaceId, string NamespaceName, int ProjectId, string ProjectName, string VariableName);
