namespace EdgeKv.Domain.Bindings;

/// <summary>
/// A namespace bound to a project under a runtime variable name (namespaces and projects are many-to-many).
/// The variable name is a JavaScript identifier, unique within the project; a namespace is bound at most once
/// per project. Both sides belong to the same user.
/// </summary>
public class Binding
{
    /// <summary>Most characters of a variable name.</summary>
    public const int MaxVariableNameLength = 64;

    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The bound namespace.</summary>
    public int NamespaceId { get; set; }

    /// <summary>The project that reaches it.</summary>
    public int ProjectId { get; set; }

    /// <summary>The global the project's functions use, e.g. <c>my_kv</c>.</summary>
    public string VariableName { get; set; } = "";

    /// <summary>When the binding was made (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
