namespace EdgeKv.Domain.Nodes;

/// <summary>Where this node's console answers; the web host knows it once its listeners are bound.</summary>
public interface INodeAddress
{
    /// <summary>The console's address (<c>http://127.0.0.1:5080</c>), or null before start or when none is bound.</summary>
    string? ConsoleUrl { get; }
}
