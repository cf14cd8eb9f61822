namespace EdgeKv.Domain.Nodes;

/// <summary>A node without a console listener (a host of the domain alone, such as the tests').</summary>
internal sealed class NoNodeAddress : INodeAddress
{
    public string? ConsoleUrl => null;
}
