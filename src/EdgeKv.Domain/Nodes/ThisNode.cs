using EdgeKv.Core.Registry;
using EdgeKv.Domain.Storage;
using Microsoft.Extensions.Options;

namespace EdgeKv.Domain.Nodes;

/// <summary>
/// This process as a node of the cluster: its id (new at every start, so a restarted node is a new row and its
/// earlier life shows offline until it is replaced), when it started, and its heartbeat as of now. One per process.
/// </summary>
public sealed class ThisNode
{
    private readonly NodeOptions _options;
    private readonly StorageProvider _engine;
    private readonly INodeAddress _address;
    private readonly IKvStoreRegistry _registry;
    private readonly TimeProvider _time;

    /// <summary>Made by dependency injection.</summary>
    public ThisNode(IOptions<NodeOptions> options, IOptions<StorageOptions> storage, INodeAddress address, IKvStoreRegistry registry, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _options = options.Value;
        _engine = storage.Value.EngineProvider;
        _address = address;
        _registry = registry;
        _time = time;
        StartedAt = time.UtcNow();
    }

    /// <summary>The process's id.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>When the process started (UTC).</summary>
    public DateTime StartedAt { get; }

    /// <summary>How often this node beats.</summary>
    public TimeSpan Interval => _options.HeartbeatInterval;

    /// <summary>The configured name, or the machine's name and the console's port.</summary>
    public string Name => _options.Name ?? DefaultName(Environment.MachineName, _address.ConsoleUrl);

    /// <summary>This node's heartbeat now: its replica as the engine last measured it.</summary>
    public NodeBeat Beat() => new(Id, Name, _address.ConsoleUrl, _engine, StartedAt, _time.UtcNow(), Interval, _registry.Replica);

    /// <summary><c>machine:port</c>, or the machine alone without a console address.</summary>
    internal static string DefaultName(string machine, string? consoleUrl)
    {
        var name = Uri.TryCreate(consoleUrl, UriKind.Absolute, out var url) ? $"{machine}:{url.Port}" : machine;
        return name.Length <= NodeOptions.MaxNameLength ? name : name[..NodeOptions.MaxNameLength];
    }
}
