namespace EdgeKv.Domain.Errors;

/// <summary>
/// A request the domain refused: bad input, a limit, a workflow rule, or no access. Carries a
/// <see cref="DomainError"/> (stable code + English message). When a service throws it, nothing was changed.
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>Makes the exception for <paramref name="error"/>.</summary>
    public DomainException(DomainError error, Exception? innerException = null)
        : base(error.Message, innerException)
    {
        Error = error;
    }

    /// <summary>What was refused.</summary>
    public DomainError Error { get; }

    /// <summary>The error's stable code (shorthand for <c>Error.Code</c>).</summary>
    public string Code => Error.Code;
}
