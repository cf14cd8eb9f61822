namespace EdgeKv.Domain.Errors;

public static partial class DomainErrors
{
    /// <summary>A namespace name that is not 1..64 letters, digits, '-' or '_'.</summary>
    public static DomainError InvalidNamespaceName { get; } = new(
        "namespace.invalid_name",
        "A namespace name is 1 to 64 characters: letters, digits, '-' and '_'.");

    /// <summary>A namespace name already used in the account; {0} is the name.</summary>
    public static DomainError NamespaceNameTaken { get; } = new("namespace.name_taken", "A namespace named '{0}' already exists.");

    /// <summary>The account holds its maximum of namespaces; {0} is the limit.</summary>
    public static DomainError NamespaceLimitReached { get; } = new("namespace.limit_reached", "Namespace limit reached ({0} per account)");

    /// <summary>A namespace id that names no namespace (or one the caller may not see).</summary>
    public static DomainError NamespaceNotFound { get; } = new("namespace.not_found", "Namespace not found.");
}
