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

    /// <summary>A deployment with no file or more than {0} files.</summary>
    public static DomainError FunctionFileCount { get; } = new("project.function_file_count", "A deployment holds 1 to {0} files.");

    /// <summary>A file path {0} that is not a plain path under functions/ ending in .js or .ts.</summary>
    public static DomainError FunctionFilePath { get; } = new("project.function_file_path", "'{0}' is not a path under functions/ ending in .js or .ts.");

    /// <summary>A deployment's sources over {0} UTF-8 bytes together.</summary>
    public static DomainError FunctionFilesTooLarge { get; } = new("project.function_files_too_large", "The files of a deployment exceed {0} bytes together.");

    /// <summary>A deployment id that names no deployment of the project (or of a project the caller may not see).</summary>
    public static DomainError DeploymentNotFound { get; } = new("project.deployment_not_found", "Deployment not found.");

    /// <summary>A deployment whose code does not load (a syntax error, a missing module, no handler); {0} is the runtime's message.</summary>
    public static DomainError FunctionCodeDoesNotLoad { get; } = new("project.function_code_does_not_load", "The functions do not load, so they were not deployed: {0}");

    /// <summary>
    /// A deployment whose top-level code went over the functions' memory limit while loading; {0} is the limit in MiB.
    /// Its own code, not a <see cref="FunctionCodeDoesNotLoad"/> reason: the host wrote this sentence, so the console
    /// says it in its language (the runtime's own words in that one stay as the runtime wrote them).
    /// </summary>
    public static DomainError FunctionLoadOverMemory { get; } = new(
        "project.function_load_over_memory", "The functions used more than the memory limit of {0} MiB while loading, so they were not deployed.");
}
