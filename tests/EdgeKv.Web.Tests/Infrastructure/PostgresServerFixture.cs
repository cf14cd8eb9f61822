using EdgeKv.Testing.Postgres;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL server for a test class (each test makes its own database on it).</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server starts before the first test.");

    public async ValueTask InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
