using System.Globalization;

namespace EdgeKv.Domain.Errors;

/// <summary>
/// One error a person can see: a stable <see cref="Code"/> (the UI localizes by it), the English
/// <see cref="Template"/> (a composite format string whose placeholders a localized text shares) and the values of
/// its placeholders. Every error is defined once, in <see cref="DomainErrors"/>.
/// </summary>
public sealed record DomainError(string Code, string Template, IReadOnlyList<object> Arguments)
{
    /// <summary>An error without placeholders.</summary>
    public DomainError(string code, string template)
        : this(code, template, [])
    {
    }

    /// <summary>The English message with the arguments filled in.</summary>
    public string Message => Arguments.Count == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments]);

    /// <summary>The same error with its placeholders filled.</summary>
    public DomainError With(params object[] arguments) => this with { Arguments = arguments };

    /// <summary>The exception that carries this error.</summary>
    public DomainException ToException() => new(this);

    /// <summary>Equal when the codes are equal; arguments do not matter (<c>Assert.Equal(DomainErrors.X, e.Error)</c>).</summary>
    public bool Equals(DomainError? other) => other is not null && other.Code == Code;

    /// <inheritdoc />
    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);
}
