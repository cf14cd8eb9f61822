namespace EdgeKv.Core;

/// <summary>
/// An engine error a caller can act on: bad input, a limit crossed, a quota exceeded. <see cref="Code"/> says which
/// (classify by it); the message is the code's one text in <see cref="KvErrors"/>, written for people. When this is
/// thrown, nothing was changed.
/// </summary>
public class KvException : Exception
{
    /// <summary>Makes the error of <paramref name="code"/>, with its message from <see cref="KvErrors.MessageOf"/>.</summary>
    public KvException(KvErrorCode code)
        : this(code, KvErrors.MessageOf(code))
    {
    }

    /// <summary>
    /// Makes the error of <paramref name="code"/> caused by <paramref name="innerException"/> (a backend's storage
    /// failure, kept for the log), with the code's message.
    /// </summary>
    public KvException(KvErrorCode code, Exception innerException)
        : base(KvErrors.MessageOf(code), innerException)
    {
        Code = code;
    }

    /// <summary>Makes an error whose message depends on more than its code (a quota's limit).</summary>
    protected KvException(KvErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Which error this is: stable, unlike the wording of the message.</summary>
    public KvErrorCode Code { get; }
}
