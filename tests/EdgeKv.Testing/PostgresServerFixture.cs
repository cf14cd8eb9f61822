using Xunit;

namespace EdgeKv.Testing.Postgres;

/// <summary>One throwaway PostgreSQL server for a test class (each test makes its own databases and nodes on it).</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The class's server.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server starts before the first test.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _server = await PostgresServer.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
