using System.Text.RegularExpressions;

namespace EdgeKv.Domain;

/// <summary>The shapes names and texts must have, defined once for the services and the UI's own checks.</summary>
public static partial class DomainValidation
{
    /// <summary>Most characters of a reason (application, decision).</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Highest namespace limit an admin may set for one account.</summary>
    public const int MaxNamespacesCeiling = 1000;

    /// <summary>True for 1..64 ASCII letters, digits, '-' or '_' (namespace and project names).</summary>
    public static bool IsValidResourceName(string? name) => name is not null && ResourceName().IsMatch(name);

    /// <summary>True for a JavaScript identifier of 1..64 characters that is not a reserved word.</summary>
    public static bool IsValidVariableName(string? name) =>
        name is not null && VariableName().IsMatch(name) && !JavaScriptReservedWords.Contains(name);

    /// <summary>True when <paramref name="name"/> is a JavaScript reserved word (or a name strict mode forbids binding).</summary>
    public static bool IsReservedWord(string name) => JavaScriptReservedWords.Contains(name);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
