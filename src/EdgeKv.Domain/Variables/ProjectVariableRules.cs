using System.Text;
using System.Text.RegularExpressions;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Variables;

/// <summary>
/// The rules of environment variables, defined once (the service refuses with them, the console's form answers with
/// them before sending): a name of letters, digits and '_' not starting with a digit, 1..64 characters, as EdgeOne's;
/// a value of at most 5 KB; at most 64 variables per project.
/// </summary>
public static partial class ProjectVariableRules
{
    /// <summary>Characters of a name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>UTF-8 bytes of a value (5 KB).</summary>
    public const int MaxValueBytes = 5 * 1024;

    /// <summary>Variables per project.</summary>
    public const int MaxPerProject = 64;

    /// <summary>Why <paramref name="name"/> cannot name a variable, or null when it can.</summary>
    public static DomainError? NameError(string? name) =>
        name is not null && Name().IsMatch(name) ? null : DomainErrors.InvalidEnvironmentVariableName;

    /// <summary>Why <paramref name="value"/> cannot be a variable's value, or null when it can.</summary>
    public static DomainError? ValueError(string? value) =>
        Encoding.UTF8.GetByteCount(value ?? "") <= MaxValueBytes ? null : DomainErrors.EnvironmentVariableValueTooLong;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Name();
}
