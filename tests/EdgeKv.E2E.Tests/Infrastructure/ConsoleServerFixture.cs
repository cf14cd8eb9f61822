using Microsoft.Playwright;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>
/// One real console host (Kestrel on 127.0.0.1, a free port) with a fresh temp data folder, and one headless
/// Debian Chromium, shared by the tests of a class. Each test opens its own browser context (its own cookies).
/// </summary>
public sealed class ConsoleServerFixture : IAsyncLifetime
{
    private ConsoleHost? _host;
    private Chromium? _chromium;

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => Host.BaseUrl;

    /// <summary>The host's HTTP/2-only address for Deno's KV Connect client.</summary>
    public string KvConnectUrl => Host.KvConnectUrl;

    /// <summary>The functions listener's address, e.g. <c>http://127.0.0.1:41236</c>.</summary>
    public string FunctionsUrl => Host.FunctionsUrl;

    /// <summary>The shared browser.</summary>
    public IBrowser Browser => _chromium!.Browser;

    /// <summary>The host's services (to write through the engine as code would).</summary>
    public IServiceProvider Services => Host.Services;

    private ConsoleHost Host => _host ?? throw new InvalidOperationException("The host starts before the first test.");

    public async ValueTask InitializeAsync()
    {
        _host = await ConsoleHost.StartAsync();
        _chromium = await Chromium.LaunchAsync();
    }

    /// <summary>A new browser context (fresh cookies) and page, <paramref name="width"/> px wide, watched for browser console errors.</summary>
    public Task<ConsolePage> OpenPageAsync(int width = 1280) => _chromium!.OpenPageAsync(BaseUrl, width);

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
