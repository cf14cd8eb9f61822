using System.Threading.Channels;
using EdgeKv.Domain.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EdgeKv.Domain.Cluster;

/// <summary>
/// Sends every domain event this node publishes to the other nodes (<c>pg_notify</c> on the cluster's channel). Told
/// of each event inside <see cref="IDomainEvents.Publish"/>, it only queues it (an observer must be quick and never
/// throw); its loop sends them in order and retries one that fails until the database answers again, so a revocation
/// committed during a blip still reaches the others once it ends.
/// </summary>
public sealed partial class ClusterEventSender(ClusterNode node, ILogger<ClusterEventSender> logger) : BackgroundService, IDomainEventObserver
{
    private readonly Channel<DomainEvent> _queue = System.Threading.Channels.Channel.CreateUnbounded<DomainEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <inheritdoc />
    public void OnPublished(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);

        // Relayed events came from the others: sending them back would echo them around the cluster.
        if (!domainEvent.FromOtherNode)
        {
            _queue.Writer.TryWrite(domainEvent);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var domainEvent in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var payload = new ClusterEventMessage(node.Id, domainEvent).Serialize();
            while (true)
            {
                try
                {
                    await using var notify = node.DataSource.CreateCommand("SELECT pg_notify($1, $2)");
                    notify.Parameters.Add(new NpgsqlParameter { Value = node.Channel });
                    notify.Parameters.Add(new NpgsqlParameter { Value = payload });
                    await notify.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception failure) when (failure is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
                {
                    LogSendFailed(logger, domainEvent.Kind, failure);
                    await Task.Delay(ClusterNode.RetryDelay, stoppingToken).ConfigureAwait(false);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the domain event {Kind} to the other nodes; retrying.")]
    private static partial void LogSendFailed(ILogger logger, DomainEventKind kind, Exception failure);
}
