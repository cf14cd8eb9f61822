using EdgeKv.Domain.Nodes;

namespace EdgeKv.Web.Hosting;

/// <summary>This node's console address for its heartbeat: the console listener's, once bound.</summary>
internal sealed class ConsoleNodeAddress(ConsoleListeners listeners) : INodeAddress
{
    public string? ConsoleUrl => listeners.ConsoleUrl;
}
