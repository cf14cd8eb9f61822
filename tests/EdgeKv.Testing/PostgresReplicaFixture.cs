using Xunit;

namespace EdgeKv.Testing.Postgres;

/// <summary>
/// One throwaway PostgreSQL primary and a streaming replica of it for a test class (making a replica takes seconds, so
/// a class shares one; each test makes its own databases, which reach the replica with everything else). Tests that
/// pause the replica's replay or stop it put it back as they found it.
/// </summary>
public sealed class PostgresReplicaFixture : IAsyncLifetime
{
    private PostgresServer? _primary;
    private PostgresServer? _replica;

    /// <summary>The primary: where writes and strong reads go.</summary>
    public PostgresServer Primary => _primary ?? throw new InvalidOperationException("The servers start before the first test.");

    /// <summary>The streaming replica of <see cref="Primary"/>.</summary>
    public PostgresServer Replica => _replica ?? throw new InvalidOperationException("The servers start before the first test.");

    /// <summary>The connection string of <paramref name="primaryConnectionString"/>'s database on the replica.</summary>
    public string ReplicaOf(string primaryConnectionString) =>
        Replica.ConnectionString(new Npgsql.NpgsqlConnectionStringBuilder(primaryConnectionString).Database!);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _primary = await PostgresServer.StartAsync();
        _replica = await _primary.StartReplicaAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }

        if (_primary is not null)
        {
            await _primary.DisposeAsync();
        }
    }
}
