using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// The real host in memory (TestServer), with its data (admin database, namespace files) in a fresh temp folder.
/// Settings go in as host configuration so they are visible while Program.cs composes the services. The admin's
/// password is configured (as an operator would), and the rate limits are set out of reach: every request of a
/// TestServer comes from the same (unknown) address; the rate limit tests use their own hosts with low limits.
/// </summary>
public class ConsoleApplication : WebApplicationFactory<Program>
{
    private readonly TempDataFolder _data = new();

    public string DataPath => _data.Path;

    /// <summary>The host's environment; Development unless a subclass says otherwise.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Settings a subclass adds or overrides (null removes one).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = $"Data Source={_data.File("admin.db")}",
            ["EdgeKv:DataDirectory"] = _data.File("kv"),
            ["EdgeKv:Admin:Password"] = ConsoleClient.AdminPassword,
            ["EdgeKv:RateLimits:SignIn:PermitLimit"] = "100000",
            ["EdgeKv:RateLimits:Registration:PermitLimit"] = "100000",
            ["EdgeKv:RateLimits:AccessToken:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment(EnvironmentName);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
