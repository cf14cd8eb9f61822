using System.Reflection;

namespace EdgeKv.Domain;

/// <summary>Reads a class of string codes (<see cref="Audit.AuditActions"/>, <see cref="FunctionLogs.ProjectLogCodes"/>) as a list.</summary>
internal static class StringConstants
{
    /// <summary>The public string constants of <paramref name="type"/>, in declaration order (so a new one is never missed).</summary>
    public static IReadOnlyList<string> Of(Type type) => type
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();
}
