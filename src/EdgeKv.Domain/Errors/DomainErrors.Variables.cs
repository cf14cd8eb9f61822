namespace EdgeKv.Domain.Errors;

public static partial class DomainErrors
{
    /// <summary>A variable name that is not 1..64 letters, digits and '_' starting with a letter or '_'.</summary>
    public static DomainError InvalidEnvironmentVariableName { get; } = new(
        "variable.invalid_name",
        "A variable name is 1 to 64 letters, digits and '_', and does not start with a digit.");

    /// <summary>A value over 5 KB.</summary>
    public static DomainError EnvironmentVariableValueTooLong { get; } = new("variable.value_too_long", "A variable's value is at most 5 KB (5120 bytes).");

    /// <summary>The project has 64 variables already.</summary>
    public static DomainError EnvironmentVariableLimitReached { get; } = new("variable.limit_reached", "A project has at most 64 environment variables.");

    /// <summary>The project already has a variable of that name; {0} is the name.</summary>
    public static DomainError EnvironmentVariableNameTaken { get; } = new("variable.name_taken", "This project already has an environment variable named '{0}'.");

    /// <summary>A variable id that names no variable (or one the caller may not see).</summary>
    public static DomainError EnvironmentVariableNotFound { get; } = new("variable.not_found", "Environment variable not found.");

    /// <summary>A secret made visible without a new value: its old value is never shown.</summary>
    public static DomainError SecretNeedsNewValue { get; } = new("variable.secret_needs_value", "To make a secret visible, give it a new value: a secret's value is never shown.");
}
