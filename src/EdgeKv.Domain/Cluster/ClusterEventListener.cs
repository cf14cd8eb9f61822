using EdgeKv.Domain.Events;
using EdgeKv.Domain.FunctionLogs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EdgeKv.Domain.Cluster;

/// <summary>
/// Hears the other nodes' domain events (<c>LISTEN</c> on the cluster's channel) and publishes each here, so this
/// node's token cache drops what they revoked, its open streams end and its live pages reload, as if the change had
/// been made here. A node skips its own messages. After every (re)connection it publishes
/// <see cref="DomainEventKind.EventsMissed"/>: whatever was published while it was not listening is lost to it, so
/// nothing cached before may be trusted — the token cache drops everything and ends its streams, the functions' kept
/// targets are dropped, live pages reload, open logs read what they missed. The same channel carries the others'
/// <see cref="ClusterLogNotice"/>s (lines written into projects' logs), handed to <see cref="ProjectLogBook"/>.
/// </summary>
public sealed partial class ClusterEventListener(
    ClusterNode node,
    IDomainEvents events,
    ProjectLogBook logs,
    ILogger<ClusterEventListener> logger) : BackgroundService
{
    // How often an idle connection is probed, so one cut without a word (a dead peer) is noticed.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _nextConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests and start-up wait on it).</summary>
    public Task Listening => _listening.Task;

    /// <summary>Connections made so far (the first, then one per reconnection; for tests and diagnostics).</summary>
    public int Connections { get; private set; }

    /// <summary>Completes at the next (re)connection, once its LISTEN is in place and the caches are dropped.</summary>
    public Task NextConnection => Volatile.Read(ref _nextConnection).Task;

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken).ConfigureAwait(false);

        // Serve only once events from the others are heard, bounded so a database that is down does not stop the
        // node from starting (the loop keeps trying, and drops the caches when it gets through).
        await Task.WhenAny(Listening, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await node.DataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN \"{node.Channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                Connections++;
                events.Publish(DomainEvent.EventsMissed(DateTime.UtcNow));
                _listening.TrySetResult();
                Interlocked.Exchange(ref _nextConnection, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(ProbeInterval, stoppingToken).ConfigureAwait(false))
                    {
                        await using var probe = new NpgsqlCommand("SELECT 1", connection);
                        await probe.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                LogListenFailed(logger, failure);
                node.DropPooledConnections();
                await Task.Delay(ClusterNode.RetryDelay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (ClusterEventMessage.TryParse(e.Payload) is { } message && message.Node != node.Id)
        {
            events.Publish(message.Event with { FromOtherNode = true });
        }
        else if (ClusterLogNotice.TryParse(e.Payload) is { } notice)
        {
            logs.WrittenElsewhere(notice.Writer, notice.Logs);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the other nodes' domain events; reconnecting (the token cache is dropped on reconnection).")]
    private static partial void LogListenFailed(ILogger logger, Exception failure);
}
