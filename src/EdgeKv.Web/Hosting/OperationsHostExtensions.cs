using EdgeKv.Api.Watching;
using EdgeKv.Domain.Data;
using EdgeKv.Domain.Identity;
using EdgeKv.Web.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace EdgeKv.Web.Hosting;

/// <summary>
/// What an operator needs of the running host, in one place: security headers and trusted proxies, health checks,
/// metrics, logs of sign-ins and audited actions, quiet client disconnects, and the watch-stream limits' settings.
/// <see cref="ConsoleHostExtensions"/> calls each of these two methods once.
/// </summary>
internal static class OperationsHostExtensions
{
    /// <summary>Registers the services and binds their settings (validated at start-up).</summary>
    public static WebApplicationBuilder AddEdgeKvOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<ReverseProxyOptions>().Bind(configuration.GetSection(ReverseProxyOptions.SectionName))
            .Validate(options => options.IsValid(), $"{ReverseProxyOptions.SectionName}: KnownProxies must be IP addresses and KnownNetworks CIDR networks.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ReverseProxyOptions>>(
            (forwarded, proxies) => proxies.Value.ApplyTo(forwarded));
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.SectionName))
            .Validate(options => options.IsValid(), $"{MetricsOptions.SectionName}: AllowedNetworks must be CIDR networks.")
            .ValidateOnStart();
        services.Configure<KvWatchLimits>(configuration.GetSection(KvWatchLimits.SectionName));

        // ASP.NET Core logs each request's full URL, query included, at Information ("Request starting …"); the
        // SignalR browser client sends its access token in the query (access_token=…). A token must never reach a
        // log, so that category logs warnings only, whatever the other levels are.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        // The security headers deny framing for every response (X-Frame-Options DENY, frame-ancestors 'none');
        // antiforgery would add a second, weaker X-Frame-Options (SAMEORIGIN) to pages with forms.
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options => options.SuppressXFrameOptionsHeader = true);

        services.AddConsoleHealthChecks();
        services.AddConsoleTelemetry();

        // Failed sign-ins counted and logged, audited actions logged: both without touching the pages or the domain.
        services.AddSingleton<SignInAttempts>();
        services.AddScoped<SignInManager<ApplicationUser>, MeteredSignInManager>();
        services.AddSingleton<AuditLogInterceptor>();
        services.ConfigureDbContext<EdgeKvDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<AuditLogInterceptor>()));
        return builder;
    }

    /// <summary>
    /// Adds the middleware that must see every request first (proxies, headers, disconnects) and maps
    /// <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.
    /// </summary>
    public static WebApplication UseEdgeKvOperations(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseQuietClientDisconnects();
        app.UseApiRefusalLog();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.MapConsoleHealthChecks();
        app.MapConsoleMetrics();
        return app;
    }
}
