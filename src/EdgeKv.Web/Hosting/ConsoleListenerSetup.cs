namespace EdgeKv.Web.Hosting;

/// <summary>Binds Kestrel's configured endpoints and remembers them in <see cref="ConsoleListeners"/>.</summary>
internal static class ConsoleListenerSetup
{
    public static WebApplicationBuilder AddConsoleListeners(this WebApplicationBuilder builder)
    {
        var listeners = new ConsoleListeners();
        builder.Services.AddSingleton(listeners);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // Configure(section) replaces the default loader with one over the same section, adding the callbacks
            // that capture each named endpoint's options (their port is filled in once bound).
            var loader = kestrel.Configure(context.Configuration.GetSection("Kestrel"), reloadOnChange: false);
            foreach (var name in new[] { ConsoleListeners.ConsoleEndpoint, ConsoleListeners.KvConnectEndpoint, ConsoleListeners.FunctionsEndpoint })
            {
                loader.Endpoint(name, endpoint => listeners.Capture(name, endpoint.ListenOptions));
            }
        });
        return builder;
    }
}
