namespace EdgeKv.Functions.Runtime;

/// <summary>A project's process could not start: its modules do not load, or reach outside their deployment.</summary>
public sealed class RuntimeStartException : Exception
{
    public RuntimeStartException(string message)
        : base(message)
    {
    }

    public RuntimeStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuntimeStartException()
    {
    }
}
