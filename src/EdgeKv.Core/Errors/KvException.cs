namespace EdgeKv.Core;

/// <summary>
/// An engine error a caller can act on: bad input, a limit crossed, a quota exceeded. The message is one of
/// <see cref="KvErrors"/>, written for people; when this is thrown, nothing was changed.
/// </summary>
public class KvException : Exception
{
    /// <summary>Makes the error with one of the messages of <see cref="KvErrors"/>.</summary>
    public KvException(string message)
        : base(message)
    {
    }
}
