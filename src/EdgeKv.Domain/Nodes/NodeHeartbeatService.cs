using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Domain.Nodes;

/// <summary>
/// Records this node's heartbeat at start and every <see cref="NodeOptions.HeartbeatInterval"/>, and removes it when
/// the host stops cleanly (a crashed node shows offline, then goes after <see cref="NodeLiveness.RemoveAfter"/>).
/// A failed beat (the database away) is logged and the next tick tries again: the node looks offline meanwhile,
/// which is what the others can tell of it.
/// </summary>
public sealed partial class NodeHeartbeatService : BackgroundService
{
    private static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(5);

    private readonly ThisNode _node;
    private readonly NodeHeartbeatWriter _writer;
    private readonly TimeProvider _time;
    private readonly ILogger<NodeHeartbeatService> _logger;
    private readonly IHostApplicationLifetime? _lifetime;

    /// <summary>
    /// Made by dependency injection. In a host, the first beat waits for <paramref name="lifetime"/>'s start, when the
    /// console's listener is bound: the node's address (and its default name, which has the port) is known by then.
    /// </summary>
    public NodeHeartbeatService(
        ThisNode node, NodeHeartbeatWriter writer, TimeProvider time, ILogger<NodeHeartbeatService> logger, IHostApplicationLifetime? lifetime = null)
    {
        _node = node;
        _writer = writer;
        _time = time;
        _logger = logger;
        _lifetime = lifetime;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(RemoveTimeout);
        try
        {
            await _writer.RemoveAsync(_node.Id, timeout.Token);
        }
        catch (Exception exception)
        {
            LogRemoveFailed(exception);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_node.Interval, _time);
        try
        {
            if (_lifetime is not null)
            {
                await WhenSignalledAsync(_lifetime.ApplicationStarted, stoppingToken);
            }

            do
            {
                await TryBeatAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync removes the node.
        }
    }

    private static async Task WhenSignalledAsync(CancellationToken signal, CancellationToken cancellationToken)
    {
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = signal.Register(() => signalled.TrySetResult());
        await signalled.Task.WaitAsync(cancellationToken);
    }

    private async Task TryBeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _writer.WriteAsync(_node.Beat(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBeatFailed(exception);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Node heartbeat failed; the next one tries again.")]
    private partial void LogBeatFailed(Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not remove this node's heartbeat on stop; it shows offline until it is removed.")]
    private partial void LogRemoveFailed(Exception exception);
}
