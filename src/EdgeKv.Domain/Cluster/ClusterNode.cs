using EdgeKv.Domain.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EdgeKv.Domain.Cluster;

/// <summary>
/// This node of the cluster: its id (new at every start, so a restarted node is a new sender) and the connections to
/// the admin database its events travel through. One per process.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    /// <summary>Made by dependency injection, on the admin database (PostgreSQL).</summary>
    public ClusterNode(IOptions<StorageOptions> storage, IOptions<ClusterOptions> cluster)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(cluster);
        Channel = cluster.Value.Channel;
        DataSource = NpgsqlDataSource.Create(storage.Value.EffectiveAdminConnectionString);
    }

    /// <summary>This node's id in the messages it sends.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The cluster's notification channel.</summary>
    public string Channel { get; }

    /// <summary>Connections to the admin database, for notifying and listening.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>How long a node waits before trying the database again after a failure.</summary>
    public static TimeSpan RetryDelay { get; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
