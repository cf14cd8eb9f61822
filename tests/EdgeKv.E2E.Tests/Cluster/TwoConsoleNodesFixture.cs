using EdgeKv.E2E.Tests.Infrastructure;
using EdgeKv.Testing.Postgres;

namespace EdgeKv.E2E.Tests.Cluster;

/// <summary>
/// Two console hosts (nodes A and B, each with its own services, caches and Kestrel) on one database of a throwaway
/// PostgreSQL server, as build/cluster.sh runs two nodes, and one headless Chromium.
/// </summary>
public sealed class TwoConsoleNodesFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private Chromium? _chromium;

    public ConsoleHost A { get; private set; } = default!;

    public ConsoleHost B { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        var database = await _server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["EdgeKv:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Admin"] = database,
        };

        // One after the other: the first migrates and seeds, the second finds it done.
        A = await ConsoleHost.StartAsync(settings);
        B = await ConsoleHost.StartAsync(settings);
        _chromium = await Chromium.LaunchAsync();
    }

    /// <summary>A new browser context (fresh cookies) and page on <paramref name="node"/>.</summary>
    public Task<ConsolePage> OpenPageAsync(ConsoleHost node, int width = 1280) => _chromium!.OpenPageAsync(node.BaseUrl, width);

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        foreach (var node in new[] { B, A })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
