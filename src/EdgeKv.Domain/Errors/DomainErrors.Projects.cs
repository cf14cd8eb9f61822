namespace EdgeKv.Domain.Errors;

public static partial class DomainErrors
{
    /// <summary>A project name that is not 1..64 letters, digits, '-' or '_'.</summary>
    public static DomainError InvalidProjectName { get; } = new(
        "project.invalid_name",
        "A project name is 1 to 64 characters: letters, digits, '-' and '_'.");

    /// <summary>A project name the owner already uses; {0} is the name.</summary>
    public static DomainError ProjectNameTaken { get; } = new("project.name_taken", "A project named '{0}' already exists.");

    /// <summary>A project id that names no project (or one the caller may not see).</summary>
    public static DomainError ProjectNotFound { get; } = new("project.not_found", "Project not found.");

    /// <summary>A deployment's files that cannot be deployed; {0} says why.</summary>
    public static DomainError InvalidFunctionFiles { get; } = new("project.invalid_function_files", "These functions cannot be deployed: {0}.");

    /// <summary>A deployment id that names no deployment of the project (or of a project the caller may not see).</summary>
    public static DomainError DeploymentNotFound { get; } = new("project.deployment_not_found", "Deployment not found.");

    /// <summary>A deployment whose code does not load (a syntax error, a missing module, no handler); {0} is the runtime's message.</summary>
    public static DomainError FunctionCodeDoesNotLoad { get; } = new("project.function_code_does_not_load", "The functions do not load, so they were not deployed: {0}");
}
