using EdgeKv.Testing.Repository;
using EdgeKv.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.E2E.Tests.Infrastructure;

/// <summary>
/// One real console host in this process (Kestrel on 127.0.0.1, free ports) composed as Program.cs composes it, with a
/// fresh temp data folder. On its own SQLite files unless <c>settings</c> say otherwise (a cluster node's PostgreSQL).
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "edgekv-e2e", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    private ConsoleHost()
    {
    }

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The host's HTTP/2-only address for Deno's KV Connect client.</summary>
    public string KvConnectUrl { get; private set; } = "";

    /// <summary>The functions listener's address, e.g. <c>http://127.0.0.1:41236</c>.</summary>
    public string FunctionsUrl { get; private set; } = "";

    /// <summary>The host's services (to write through the engine as code would).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>
    /// Starts a host; <paramref name="settings"/> are added over the test defaults. Development unless
    /// <paramref name="environmentName"/> says otherwise (Production: the console's own error page, as a default run).
    /// </summary>
    public static async Task<ConsoleHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string environmentName = "Development")
    {
        var host = new ConsoleHost();
        try
        {
            await host.InitializeAsync(settings ?? new Dictionary<string, string?>(), environmentName);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
        catch (IOException)
        {
            // A file still held by a function's process that was just stopped; the temp cleaner takes it.
        }
    }

    private async Task InitializeAsync(IReadOnlyDictionary<string, string?> settings, string environmentName)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The static web assets manifest is named after the host assembly, not this test assembly.
            ApplicationName = "EdgeKv.Web",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environmentName,
        });

        // Outside Development the host does not map the build output's static web assets (MudBlazor's) by itself; a
        // published run has them in wwwroot instead.
        if (environmentName != "Development")
        {
            builder.WebHost.UseStaticWebAssets();
        }
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = $"Data Source={Path.Combine(_dataPath, "admin.db")}",
            ["EdgeKv:DataDirectory"] = Path.Combine(_dataPath, "kv"),
            ["EdgeKv:Admin:Password"] = ConsoleUser.AdminPassword,

            // Every browser of a test class comes from 127.0.0.1: the per-address limits would count them all as one.
            ["EdgeKv:RateLimits:SignIn:PermitLimit"] = "100000",
            ["EdgeKv:RateLimits:Registration:PermitLimit"] = "100000",
            ["EdgeKv:RateLimits:AccessToken:PermitLimit"] = "100000",

            // Usage charts show new minutes after a flush: every second here, so a test waits less for them.
            ["EdgeKv:Usage:FlushInterval"] = "00:00:01",

            // The host's three listeners (appsettings.json) on free ports instead of 5080/5081/5082.
            ["Kestrel:Endpoints:Console:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:KvConnect:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Functions:Url"] = "http://127.0.0.1:0",

            // Functions run on the repository's Deno (npm ci in src/EdgeKv.Functions), their folders in the temp data.
            ["EdgeKv:Functions:DenoPath"] = DenoRuntime.Path(),
            ["EdgeKv:Functions:WorkDirectory"] = Path.Combine(_dataPath, "functions"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEdgeKvConsole();
        _app = builder.Build();
        _app.UseEdgeKvConsole();
        await _app.StartAsync();
        var listeners = _app.Services.GetRequiredService<ConsoleListeners>();
        BaseUrl = listeners.ConsoleUrl!;
        KvConnectUrl = listeners.KvConnectUrl!;
        FunctionsUrl = listeners.FunctionsUrl!;
    }
}
