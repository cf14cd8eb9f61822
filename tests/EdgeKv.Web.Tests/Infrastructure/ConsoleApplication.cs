using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// The real host in memory (TestServer), with its data (admin database, namespace files) in a fresh temp folder.
/// Settings go in as host configuration so they are visible while Program.cs composes the services.
/// </summary>
public sealed class ConsoleApplication : WebApplicationFactory<Program>
{
    private readonly TempDataFolder _data = new();

    public string DataPath => _data.Path;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = $"Data Source={_data.File("admin.db")}",
            ["EdgeKv:DataDirectory"] = _data.File("kv"),
        }));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");

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
