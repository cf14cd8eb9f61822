using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeKv.Web.Tests.Infrastructure;

/// <summary>
/// The real host in memory as an operator runs it: Production environment, one trusted reverse proxy
/// (<see cref="ProxyAddress"/>), every log line captured (<see cref="Logs"/>, from Trace up). TestServer has no
/// remote address, so a request names the one it comes from in <see cref="RemoteAddressHeader"/> (set before any
/// of the host's middleware runs, as a socket would).
/// </summary>
public sealed class OperationsApplication : WebApplicationFactory<Program>
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";
    public const string ProxyAddress = "10.0.0.2";
    public const string AdminPassword = "Ops-Admin-Passw0rd!";

    private readonly TempDataFolder _data = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public string DataPath => _data.Path;

    /// <summary>A client that keeps cookies, does not follow redirects, and comes from <paramref name="remoteAddress"/>.</summary>
    public HttpClient ClientFrom(string remoteAddress)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(RemoteAddressHeader, remoteAddress);
        return client;
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = $"Data Source={_data.File("admin.db")}",
            ["EdgeKv:DataDirectory"] = _data.File("kv"),
            ["EdgeKv:Admin:Email"] = ConsoleClient.AdminEmail,
            ["EdgeKv:Admin:Password"] = AdminPassword,
            ["EdgeKv:ReverseProxy:KnownProxies:0"] = ProxyAddress,

            // Everything logged, framework included, so a test can search all of it for secrets.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Trace",
        }));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[RemoteAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
