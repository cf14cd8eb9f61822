using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Bindings;

/// <summary>
/// The rule for a binding's variable name, defined once: a JavaScript identifier of 1..64 characters (a letter, '_' or
/// '$', then letters, digits, '_' or '$') that is not a reserved word, as EdgeOne's guide asks. The service refuses
/// with it and the console's dialog answers with it before sending.
/// </summary>
public static class VariableNames
{
    /// <summary>Why <paramref name="name"/> (already trimmed) cannot be a variable name, or null when it can.</summary>
    public static DomainError? ErrorFor(string name) =>
        DomainValidation.IsValidVariableName(name) ? null
        : name.Length > 0 && DomainValidation.IsReservedWord(name) ? DomainErrors.ReservedVariableName.With(name)
        : DomainErrors.InvalidVariableName;
}
