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
    private readonly string _adminConnectionString;

    /// <summary>Made by dependency injection, on the admin database (PostgreSQL).</summary>
    public ClusterNode(IOptions<StorageOptions> storage, IOptions<ClusterOptions> cluster)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(cluster);
        Channel = cluster.Value.Channel;
        _adminConnectionString = storage.Value.EffectiveAdminConnectionString;
        DataSource = NpgsqlDataSource.Create(_adminConnectionString);
    }

    /// <summary>This node's id in the messages it sends.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The cluster's notification channel.</summary>
    public string Channel { get; }

    /// <summary>Connections to the admin database, for notifying and listening.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>How long a node waits before trying the database again after a failure.</summary>
    public static TimeSpan RetryDelay { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Closes the admin database's idle pooled connections, this node's and EF Core's (pooled by connection string), and
    /// retires those in use when they come back: after the server went away they are dead, and the first request to
    /// take one (say, a token lookup after the reconnection dropped the token cache) would fail with it.
    /// </summary>
    public void DropPooledConnections()
    {
        DataSource.Clear();
        using var connection = new NpgsqlConnection(_adminConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
