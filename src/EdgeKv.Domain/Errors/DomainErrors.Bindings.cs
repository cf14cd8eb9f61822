namespace EdgeKv.Domain.Errors;

public static partial class DomainErrors
{
    /// <summary>A variable name that is not a JavaScript identifier of 1..64 characters.</summary>
    public static DomainError InvalidVariableName { get; } = new(
        "binding.invalid_variable_name",
        "A variable name is a JavaScript identifier of 1 to 64 characters: a letter, '_' or '$', then letters, digits, '_' or '$'.");

    /// <summary>A JavaScript reserved word as variable name; {0} is the word.</summary>
    public static DomainError ReservedVariableName { get; } = new(
        "binding.reserved_variable_name",
        "'{0}' is a reserved word in JavaScript and cannot be a variable name.");

    /// <summary>A variable name the project already uses; {0} is the name.</summary>
    public static DomainError VariableNameTaken { get; } = new("binding.variable_name_taken", "This project already has a variable named '{0}'.");

    /// <summary>The namespace is already bound to the project.</summary>
    public static DomainError AlreadyBound { get; } = new("binding.already_bound", "This namespace is already bound to this project.");

    /// <summary>The namespace and the project belong to different users.</summary>
    public static DomainError BindingOwnerMismatch { get; } = new("binding.owner_mismatch", "A namespace can only be bound to a project of the same user.");

    /// <summary>A binding id that names no binding (or one the caller may not see).</summary>
    public static DomainError BindingNotFound { get; } = new("binding.not_found", "Binding not found.");
}
